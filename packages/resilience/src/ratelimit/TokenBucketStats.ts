import type { LimiterStats } from './LimiterStats.js';

/** What {@link TokenBucket.stats} returns. */
export interface TokenBucketStats extends LimiterStats {
  /** Tokens in the bucket now (may be fractional). */
  available: number;
  /** The configured refill rate. */
  ratePerSecond: number;
  /** The configured capacity. */
  burst: number;
}
