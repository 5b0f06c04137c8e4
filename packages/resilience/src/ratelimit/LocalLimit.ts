/** A token-bucket limit: a steady rate with room for bursts. */
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

/** A sliding-window limit: at most `limit` permits in any `windowMs`. */
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
 */
export type LocalLimit = TokenBucketLimit | SlidingWindowLimit;
