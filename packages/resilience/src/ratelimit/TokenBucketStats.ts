import type { LimiterStats } from './LimiterStats.js';

/**
 * What {@link TokenBucket.stats} returns.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ManualClock, TokenBucket, type TokenBucketStats } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const bucket = new TokenBucket({ name: 'doc:TokenBucketStats', ratePerSecond: 10, burst: 5, clock });
 * bucket.tryAcquire(3); // admitted
 * bucket.tryAcquire(3); // refused: 2 left
 * const stats: TokenBucketStats = bucket.stats();
 * assert.deepEqual(stats, {
 *   name: 'doc:TokenBucketStats',
 *   allowed: 1,
 *   refused: 1,
 *   available: 2,
 *   ratePerSecond: 10,
 *   burst: 5,
 * });
 * clock.advance(50);
 * assert.equal(bucket.stats().available, 2.5); // refilled lazily, fractions included
 * ```
 *
 * @group Rate limiting
 */
export interface TokenBucketStats extends LimiterStats {
  /** Tokens in the bucket now (may be fractional). */
  available: number;
  /** The configured refill rate. */
  ratePerSecond: number;
  /** The configured capacity. */
  burst: number;
}
