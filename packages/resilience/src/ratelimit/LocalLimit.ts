/**
 * A token-bucket limit: a steady rate with room for bursts.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { KeyedLimiter, ManualClock, type TokenBucketLimit } from '@mallkit/resilience';
 *
 * const perUser: TokenBucketLimit = { ratePerSecond: 2, burst: 4 }; // `algorithm: 'tokenBucket'` is the default
 * const search = new KeyedLimiter({ name: 'doc:TokenBucketLimit', limit: perUser, clock: new ManualClock() });
 * assert.equal(search.tryAcquire('user-1', 4), true); // the burst at once
 * assert.equal(search.tryAcquire('user-1'), false);
 * assert.equal(search.retryAfterMs('user-1'), 500); // then 2 a second
 * ```
 *
 * @group Rate limiting
 */
export interface TokenBucketLimit {
  /**
   * Selects the token bucket.
   * @default 'tokenBucket'
   */
  algorithm?: 'tokenBucket';
  /** Tokens refilled per second (> 0, may be fractional: `0.5` is one every 2 s). Required. */
  ratePerSecond: number;
  /**
   * Tokens the bucket holds when full: how many requests may pass at once after a
   * quiet period (integer >= 1).
   * @default one second's worth: `Math.max(1, Math.ceil(ratePerSecond))`
   */
  burst?: number;
}

/**
 * A sliding-window limit: at most `limit` permits in any `windowMs`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { KeyedLimiter, ManualClock, type SlidingWindowLimit } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const perUser: SlidingWindowLimit = { algorithm: 'slidingWindow', limit: 2, windowMs: 60_000 };
 * const passwordResets = new KeyedLimiter({ name: 'doc:SlidingWindowLimit', limit: perUser, clock });
 * assert.equal(passwordResets.tryAcquire('user-1'), true);
 * assert.equal(passwordResets.tryAcquire('user-1'), true);
 * assert.equal(passwordResets.tryAcquire('user-1'), false); // 2 in the last minute already
 * assert.equal(passwordResets.retryAfterMs('user-1'), 90_000); // once the two have half faded out
 * ```
 *
 * @group Rate limiting
 */
export interface SlidingWindowLimit {
  /** Selects the sliding window. Required. */
  algorithm: 'slidingWindow';
  /** Permits allowed in any window (integer >= 1). Required. */
  limit: number;
  /** The window's length in ms (>= 1). Required. */
  windowMs: number;
}

/**
 * The limit a {@link KeyedLimiter} applies to each key: a {@link TokenBucketLimit}
 * (the default algorithm) or a {@link SlidingWindowLimit}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { KeyedLimiter, type LocalLimit } from '@mallkit/resilience';
 *
 * const plans: Record<'free' | 'pro', LocalLimit> = {
 *   free: { algorithm: 'slidingWindow', limit: 100, windowMs: 3_600_000 }, // 100 calls an hour
 *   pro: { ratePerSecond: 50, burst: 100 }, // a token bucket
 * };
 * const api = new KeyedLimiter({
 *   name: 'doc:LocalLimit',
 *   limit: plans.free,
 *   overrides: { 'acme-corp': plans.pro },
 * });
 * assert.equal(api.tryAcquire('hobbyist', 100), true);
 * assert.equal(api.tryAcquire('hobbyist'), false); // back in an hour or so
 * assert.equal(api.tryAcquire('acme-corp', 100), true);
 * assert.ok(api.retryAfterMs('acme-corp') <= 20); // 50 a second
 * ```
 *
 * @group Rate limiting
 */
export type LocalLimit = TokenBucketLimit | SlidingWindowLimit;
