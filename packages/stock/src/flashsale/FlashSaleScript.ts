import { createHash } from 'node:crypto';
import type { FlashSaleConnection } from './FlashSaleRedis.js';

/**
 * A Lua script of the flash sale, run by its SHA1 (`EVALSHA`) and sent in full (`EVAL`)
 * only when the node answers `NOSCRIPT` (first use, a restart, a failover, `SCRIPT FLUSH`).
 */
export class FlashSaleScript {
  /** The Lua source. */
  readonly source: string;
  /** SHA1 of {@link FlashSaleScript.source}. */
  readonly sha1: string;

  /** @param source - the Lua code */
  constructor(source: string) {
    this.source = source;
    this.sha1 = createHash('sha1').update(source).digest('hex');
  }

  /**
   * Runs the script on `connection`. `beforeSend` runs synchronously just before each
   * command is handed to the connection (so a caller can count what precedes a `WAIT`).
   */
  async run(
    connection: FlashSaleConnection,
    keys: readonly string[],
    args: ReadonlyArray<string | number>,
    beforeSend?: () => void,
  ): Promise<unknown> {
    try {
      beforeSend?.();
      return await connection.call('evalsha', this.sha1, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      beforeSend?.();
      return await connection.call('eval', this.source, keys.length, ...keys, ...args);
    }
  }
}
