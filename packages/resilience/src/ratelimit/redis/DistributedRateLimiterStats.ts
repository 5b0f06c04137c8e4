import type { LimiterStats } from '../LimiterStats.js';

/**
 * What {@link DistributedRateLimiter.stats} returns; counters since the limiter was built.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DistributedRateLimiter, type DistributedRateLimiterStats } from '@mallkit/resilience';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * await redis.del('{doc:DistributedRateLimiterStats:search}');
 * const search = new DistributedRateLimiter({
 *   redis,
 *   name: 'search',
 *   keyPrefix: 'doc:DistributedRateLimiterStats',
 *   ratePerSecond: 1,
 *   timeoutMs: 200,
 * });
 * await search.acquire();
 * await search.acquire();
 * const stats: DistributedRateLimiterStats = search.stats();
 * assert.deepEqual(stats, {
 *   name: 'search',
 *   allowed: 1,
 *   refused: 1,
 *   fallbackActive: false, // alert when it stays true
 *   fallbackActivations: 0,
 *   fallbackDecisions: 0,
 *   redisDecisions: 2,
 *   redisErrors: 0,
 *   timeouts: 0,
 * });
 * await redis.quit();
 * ```
 *
 * @group Rate limiting
 */
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
