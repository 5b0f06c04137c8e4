import type { LimiterStats } from '../LimiterStats.js';

/** What {@link DistributedRateLimiter.stats} returns; counters since the limiter was built. */
export interface DistributedRateLimiterStats extends LimiterStats {
  /** Whether decisions are made without Redis now. */
  fallbackActive: boolean;
  /** Times the limiter switched to its fallback. */
  fallbackActivations: number;
  /** Requests decided by the fallback (included in `allowed` and `refused`). */
  fallbackDecisions: number;
  /** Requests Redis decided (included in `allowed` and `refused`). */
  redisDecisions: number;
  /** Redis calls that failed with an error. */
  redisErrors: number;
  /** Redis calls that missed the deadline. */
  timeouts: number;
}
