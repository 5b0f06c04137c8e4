import { createHash } from 'node:crypto';
import type { RedisStreamClient } from './RedisStreamClient.js';

/**
 * A Lua script run by its SHA1 (`EVALSHA`), sent in full (`EVAL`) only when the server
 * answers `NOSCRIPT`: after a restart, a failover or a `SCRIPT FLUSH`, and on a Cluster
 * node that has not seen it yet.
 * @internal
 */
export class LuaScript {
  /** The script's source. */
  readonly source: string;
  /** SHA1 of the source. */
  readonly sha1: string;

  /** @param source - the Lua code */
  constructor(source: string) {
    this.source = source;
    this.sha1 = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script with `keys` as `KEYS` and `args` as `ARGV`; resolves to its reply. */
  async run(
    client: RedisStreamClient,
    keys: readonly string[],
    args: ReadonlyArray<string | number>,
  ): Promise<unknown> {
    try {
      return await client.call('evalsha', this.sha1, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      return await client.call('eval', this.source, keys.length, ...keys, ...args);
    }
  }
}
