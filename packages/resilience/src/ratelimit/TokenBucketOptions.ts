import type { Clock } from '../clock/Clock.js';

/**
 * How a {@link TokenBucket} limits.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ManualClock, TokenBucket, type TokenBucketOptions } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const options: TokenBucketOptions = {
 *   name: 'doc:TokenBucketOptions',
 *   ratePerSecond: 0.5, // one every 2 s…
 *   burst: 2, // …after 2 at once
 *   clock,
 * };
 * const exports = new TokenBucket(options);
 * assert.equal(exports.tryAcquire(2), true);
 * assert.equal(exports.retryAfterMs(), 2000);
 * clock.advance(2000);
 * assert.equal(exports.tryAcquire(), true);
 * // Without `burst`, the bucket holds one second's worth.
 * assert.equal(new TokenBucket({ ratePerSecond: 7.5 }).stats().burst, 8);
 * ```
 *
 * @group Rate limiting
 */
export interface TokenBucketOptions {
  /** Tokens refilled per second (> 0, may be fractional: `0.5` is one every 2 s). Required. */
  ratePerSecond: number;
  /**
   * Tokens the bucket holds when full: how many requests may pass at once after a
   * quiet period (integer >= 1). The bucket starts full.
   * @default one second's worth: `Math.max(1, Math.ceil(ratePerSecond))`
   */
  burst?: number;
  /**
   * Name in events, errors and stats.
   * @default 'tokenBucket'
   */
  name?: string;
  /**
   * Where time comes from; a {@link ManualClock} in tests.
   * @default systemClock
   */
  clock?: Clock;
}
