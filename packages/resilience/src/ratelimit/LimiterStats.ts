/**
 * Counters every rate limiter's `stats()` returns, since it was built.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { KeyedLimiter, type LimiterStats, ManualClock, TokenBucket } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const search = new TokenBucket({ name: 'doc:LimiterStats:search', ratePerSecond: 1, clock });
 * const cart = new KeyedLimiter({ name: 'doc:LimiterStats:cart', limit: { ratePerSecond: 2 }, clock });
 * for (let i = 0; i < 4; i++) {
 *   search.acquire();
 *   cart.acquire(1, 'user-1');
 * }
 * // Any limiter's stats() has these counters, e.g. for a metrics exporter:
 * const line = ({ name, allowed, refused }: LimiterStats) => `${name} allowed=${allowed} refused=${refused}`;
 * assert.deepEqual([search.stats(), cart.stats()].map(line), [
 *   'doc:LimiterStats:search allowed=1 refused=3',
 *   'doc:LimiterStats:cart allowed=2 refused=2',
 * ]);
 * ```
 *
 * @group Rate limiting
 */
export interface LimiterStats {
  /** The limiter's name. */
  name: string;
  /** Requests admitted. */
  allowed: number;
  /** Requests refused. */
  refused: number;
}
