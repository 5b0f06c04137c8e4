import type { Clock } from '../clock/Clock.js';

/** How a {@link TokenBucket} limits. */
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
