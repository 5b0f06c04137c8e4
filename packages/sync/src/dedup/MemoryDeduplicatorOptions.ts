/**
 * Settings of a {@link MemoryDeduplicator}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryDeduplicator, type MemoryDeduplicatorOptions } from '@mallkit/sync';
 *
 * let now = Date.parse('2024-05-01T10:00:00Z'); // a clock the example moves by hand
 * const options: MemoryDeduplicatorOptions = { ttlMs: 60_000, maxEntries: 2, now: () => now };
 * const marks = new MemoryDeduplicator(options);
 * await marks.markProcessed('a');
 * await marks.markProcessed('b');
 * await marks.markProcessed('c'); // a third mark: the oldest, 'a', is forgotten
 * assert.equal(await marks.isProcessed('a'), false);
 * assert.equal(await marks.isProcessed('c'), true);
 * now += 60_000; // ttlMs later
 * assert.equal(await marks.isProcessed('c'), false);
 * ```
 *
 * @group Deduplication
 */
export interface MemoryDeduplicatorOptions {
  /**
   * How long a mark is kept, in ms (> 0).
   * @default 86400000 (one day)
   */
  ttlMs?: number;
  /**
   * Most marks kept (integer >= 1); the oldest are forgotten beyond it.
   * @default 100000
   */
  maxEntries?: number;
  /**
   * Wall clock in epoch ms.
   * @default Date.now
   */
  now?: () => number;
}
