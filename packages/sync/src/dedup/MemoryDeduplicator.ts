import { SyncError } from '../errors/SyncError.js';
import { integerOption } from '../transport/integerOption.js';
import type { Deduplicator } from './Deduplicator.js';
import type { MemoryDeduplicatorOptions } from './MemoryDeduplicatorOptions.js';

/**
 * Processed ids in a Map, each kept `ttlMs`, at most `maxEntries` (oldest forgotten
 * first): for tests and the embedded mode, where one process consumes. Lost on restart.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { Consumer, MemoryDeduplicator, MemoryTransport, TransportSink } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport();
 * const mailed: string[] = [];
 * const consumer = new Consumer({
 *   transport,
 *   topic: 'shop.orders',
 *   group: 'mailer',
 *   name: 'node-1',
 *   deduplicator: new MemoryDeduplicator({ ttlMs: 3_600_000 }),
 *   handler: async (change) => void mailed.push(change.key),
 * });
 * const skipped = new Promise<void>((resolve) => consumer.events.on('duplicate', () => resolve()));
 * await consumer.start();
 * const shipped = {
 *   id: 'outbox:31', source: 'outbox', table: 'shop.orders', op: 'event', key: 'order-31',
 *   at: Date.now(), position: '31',
 * } as const;
 * await new TransportSink({ transport }).publish([shipped]);
 * await new TransportSink({ transport }).publish([shipped]); // re-sent after a source restart
 * await skipped;
 * assert.deepEqual(mailed, ['order-31']);
 * await consumer.stop();
 * ```
 *
 * @group Deduplication
 */
export class MemoryDeduplicator implements Deduplicator {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #expiries = new Map<string, number>();

  /** @param options - see {@link MemoryDeduplicatorOptions} */
  constructor(options: MemoryDeduplicatorOptions = {}) {
    const ttlMs = options.ttlMs ?? 86_400_000;
    if (!(ttlMs > 0)) {
      throw new SyncError('INVALID_OPTION', `MemoryDeduplicator: ttlMs must be > 0, not ${ttlMs}`);
    }
    this.#ttlMs = ttlMs;
    this.#maxEntries = integerOption(
      'MemoryDeduplicator',
      'maxEntries',
      options.maxEntries,
      100_000,
      1,
    );
    this.#now = options.now ?? Date.now;
  }

  /** Whether `id` was marked within the last `ttlMs`. */
  async isProcessed(id: string): Promise<boolean> {
    const expiry = this.#expiries.get(id);
    if (expiry === undefined) return false;
    if (expiry > this.#now()) return true;
    this.#expiries.delete(id);
    return false;
  }

  /** Marks `id`; `false` when it already was. */
  async markProcessed(id: string): Promise<boolean> {
    if (await this.isProcessed(id)) return false;
    this.#expiries.set(id, this.#now() + this.#ttlMs);
    while (this.#expiries.size > this.#maxEntries) {
      const oldest = this.#expiries.keys().next();
      if (oldest.done) break;
      this.#expiries.delete(oldest.value);
    }
    return true;
  }
}
