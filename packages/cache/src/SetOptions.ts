/**
 * Per-write options of {@link Cache.set}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, MemoryL2, type SetOptions } from '@mallkit/cache';
 * import { ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock(Date.now());
 * const banners = createCache<string>({
 *   namespace: 'doc:SetOptions',
 *   l2: new MemoryL2(() => clock.now()),
 *   clock,
 *   ttlMs: 3_600_000, // an hour, for most writes
 *   ttlJitter: 0,
 * });
 * const flashSale: SetOptions = { ttlMs: 10_000 }; // this one ends in 10 s
 * await banners.set('home', 'Phone X -40%, for 10 seconds', flashSale);
 * assert.equal(await banners.get('home'), 'Phone X -40%, for 10 seconds');
 * clock.advance(10_001);
 * assert.equal(await banners.get('home'), undefined); // expired in both tiers
 * await banners.close();
 * ```
 *
 * @group Cache
 */
export interface SetOptions {
  /**
   * Freshness in L2, in ms.
   * @default the cache's `ttlMs`
   */
  ttlMs?: number;
}
