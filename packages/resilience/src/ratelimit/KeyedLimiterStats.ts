import type { LimiterStats } from './LimiterStats.js';

/**
 * What {@link KeyedLimiter.stats} returns.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { KeyedLimiter, type KeyedLimiterStats, ManualClock } from '@mallkit/resilience';
 *
 * const perIp = new KeyedLimiter({
 *   name: 'doc:KeyedLimiterStats',
 *   limit: { ratePerSecond: 1 },
 *   maxKeys: 100,
 *   clock: new ManualClock(),
 * });
 * for (let i = 0; i < 150; i++) perIp.tryAcquire(`10.0.0.${i}`);
 * perIp.tryAcquire('10.0.0.149'); // refused: its second request within the second
 * const stats: KeyedLimiterStats = perIp.stats();
 * assert.deepEqual(stats, {
 *   name: 'doc:KeyedLimiterStats',
 *   allowed: 150,
 *   refused: 1,
 *   keys: 100,
 *   maxKeys: 100,
 *   evictions: 50, // evictions growing fast: maxKeys is too small for the traffic
 * });
 * ```
 *
 * @group Rate limiting
 */
export interface KeyedLimiterStats extends LimiterStats {
  /** Keys tracked now (at most `maxKeys`). */
  keys: number;
  /** The configured bound on tracked keys. */
  maxKeys: number;
  /** Keys forgotten to stay within `maxKeys`, since the limiter was built. */
  evictions: number;
}
