/**
 * A cached answer as both tiers hold it: a value, or the knowledge that there is none
 * (negative caching), with its logical freshness on the wall clock (epoch ms).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, type Entry, MemoryL2 } from '@mallkit/cache';
 * import { ManualClock } from '@mallkit/resilience';
 *
 * const t0 = Date.parse('2025-06-18T10:00:00Z');
 * const clock = new ManualClock(t0);
 * const prices = createCache<number>({
 *   namespace: 'doc:Entry',
 *   l2: new MemoryL2(() => clock.now()),
 *   clock,
 *   ttlMs: 60_000,
 *   ttlJitter: 0,
 *   graceMs: 300_000,
 * });
 * await prices.get('sku-1', async () => 1999);
 * // What both tiers now hold for sku-1:
 * const entry: Entry<number> = {
 *   kind: 'value',
 *   value: 1999,
 *   freshUntil: t0 + 60_000,
 *   staleUntil: t0 + 360_000,
 * };
 *
 * const failing = async (): Promise<number> => {
 *   throw new Error('database down');
 * };
 * clock.advance(entry.freshUntil - 1 - t0);
 * assert.equal(await prices.get('sku-1', failing), 1999); // fresh: the loader is not called
 * clock.advance(entry.staleUntil - 1 - clock.now());
 * assert.equal(await prices.get('sku-1', failing), 1999); // stale: served in grace
 * clock.advance(1);
 * await assert.rejects(prices.get('sku-1', failing), /database down/); // past staleUntil
 * await prices.close();
 * ```
 *
 * @group Cache
 */
export interface Entry<T> {
  /** `'value'`, or `'missing'` for a cached "not found". */
  kind: 'value' | 'missing';
  /** The value, for `'value'` entries. */
  value: T | undefined;
  /** Until when the entry is fresh. */
  freshUntil: number;
  /** Until when it may still be served stale (revalidation or grace). */
  staleUntil: number;
}
