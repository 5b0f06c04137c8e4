import { createHash } from 'node:crypto';
import type { RedisLockClient } from './RedisLockClient.js';

/**
 * A Lua script run by its SHA1 (`EVALSHA`), sent in full (`EVAL`) only when the
 * server answers `NOSCRIPT`: after a restart, a failover or a `SCRIPT FLUSH`,
 * and on a Cluster node that has not seen it yet.
 */
export class LuaScript {
  /** The script's source. */
  readonly source: string;
  /** SHA1 of {@link LuaScript.source}, the name the server caches it under. */
  readonly sha1: string;

  /** @param source - the Lua code */
  constructor(source: string) {
    this.source = source;
    this.sha1 = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script with `keys` as `KEYS` and `args` as `ARGV`; resolves to its reply. */
  async run(
    client: RedisLockClient,
    keys: readonly string[],
    args: ReadonlyArray<string | number>,
  ): Promise<unknown> {
    try {
      return await client.evalsha(this.sha1, keys.length, ...keys, ...args);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return await client.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}
