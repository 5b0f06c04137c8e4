import type { FlashSaleConnection, FlashSaleRedis } from './FlashSaleRedis.js';
import { hashSlot } from './hashSlot.js';

/** Replies that describe the node's state, not the command: worth another node or try. */
const TRANSIENT_REPLY =
  /^(MOVED|ASK|CLUSTERDOWN|TRYAGAIN|READONLY|LOADING|MASTERDOWN|NOREPLICAS)\b/;

/**
 * Finds the connection an activity's commands go to. On a standalone client that is the
 * client itself (one connection). On a Cluster it is the client's own connection to the
 * master that owns the key's slot, looked up in the client's slot table and its master
 * connections, so that a script and the `WAIT` after it travel on one connection. When
 * that fails in a way a topology change explains (connection lost, `MOVED`,
 * `CLUSTERDOWN`, `READONLY`…), the slot table is fetched again and the work retried, up
 * to `maxAttempts` in all; then the last error is thrown.
 */
export class SlotRouter {
  readonly #client: FlashSaleRedis;
  readonly #maxAttempts: number;

  /**
   * @param client - a standalone or Cluster client
   * @param maxAttempts - tries of one piece of work on a Cluster, the first included
   */
  constructor(client: FlashSaleRedis, maxAttempts: number) {
    this.#client = client;
    this.#maxAttempts = maxAttempts;
  }

  /** Runs `work` with the connection that serves `key`, retrying as described above. */
  async run<T>(key: string, work: (connection: FlashSaleConnection) => Promise<T>): Promise<T> {
    if (this.#client.isCluster !== true) return work(this.#client);
    for (let attempt = 1; ; attempt++) {
      try {
        return await work(await this.connection(key));
      } catch (error) {
        if (attempt >= this.#maxAttempts || !isTransient(error)) throw error;
        await this.refresh();
      }
    }
  }

  /** The connection that serves `key` now (no retry). */
  async connection(key: string): Promise<FlashSaleConnection> {
    const client = this.#client;
    if (client.isCluster !== true) return client;
    const slot = hashSlot(key);
    // A client that is still connecting has no slot table: PING waits until it has one.
    if (client.slots?.[slot]?.[0] === undefined) await client.call('ping');
    const owner = client.slots?.[slot]?.[0];
    const node = client
      .nodes?.('master')
      .find((n) => `${n.options.host ?? '127.0.0.1'}:${n.options.port ?? 6379}` === owner);
    if (owner === undefined || node === undefined) {
      throw new Error(`no connection to the master of slot ${slot} (${owner ?? 'unknown'})`);
    }
    return node;
  }

  /** Fetches the Cluster's slot table again; never rejects. A no-op on a standalone client. */
  refresh(): Promise<void> {
    const client = this.#client;
    if (client.isCluster !== true || client.refreshSlotsCache === undefined) {
      return Promise.resolve();
    }
    const refresh = client.refreshSlotsCache.bind(client);
    return new Promise((resolve) => refresh(() => resolve()));
  }
}

/** Whether `error` is one a new slot table or a new connection may cure. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name !== 'ReplyError') return true;
  return TRANSIENT_REPLY.test(error.message);
}
