import { createHash } from 'node:crypto';
import type { RedisCaller } from './RedisCaller.js';

/**
 * A Lua script run by its SHA1 (`EVALSHA`) and sent in full (`EVAL`) only when
 * the server answers `NOSCRIPT`: first use, a restart, a failover, `SCRIPT FLUSH`,
 * a Cluster node that has not seen it yet. Shared by every mallkit package that
 * runs scripts.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LuaScript } from '@mallkit/resilience';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const key = 'doc:LuaScript:visits';
 * await redis.del(key);
 * const incrementIfBelow = new LuaScript(`
 *   local n = tonumber(redis.call('GET', KEYS[1]) or '0')
 *   if n < tonumber(ARGV[1]) then return redis.call('INCR', KEYS[1]) end
 *   return -1`);
 * assert.equal(await incrementIfBelow.run(redis, [key], [2]), 1);
 * assert.equal(await incrementIfBelow.run(redis, [key], [2]), 2);
 * assert.equal(await incrementIfBelow.run(redis, [key], [2]), -1); // at the cap
 * await redis.del(key);
 * await redis.quit();
 * ```
 *
 * @group Redis scripting
 */
export class LuaScript {
  /** The Lua source. */
  readonly source: string;
  /** SHA1 of {@link LuaScript.source}, the name the server caches it under. */
  readonly sha1: string;

  /** @param source - the Lua code */
  constructor(source: string) {
    this.source = source;
    this.sha1 = createHash('sha1').update(source).digest('hex');
  }

  /**
   * Runs the script with `keys` as `KEYS` and `args` as `ARGV`; resolves to its reply.
   * `beforeSend` runs synchronously just before each command is handed to the client
   * (so a caller can count what precedes a `WAIT` on the same connection).
   */
  async run(
    client: RedisCaller,
    keys: readonly string[],
    args: ReadonlyArray<string | number>,
    beforeSend?: () => void,
  ): Promise<unknown> {
    try {
      beforeSend?.();
      return await client.call('evalsha', this.sha1, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      beforeSend?.();
      return await client.call('eval', this.source, keys.length, ...keys, ...args);
    }
  }
}
