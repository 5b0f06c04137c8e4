import type { LimiterStats } from './LimiterStats.js';

/**
 * What {@link SlidingWindow.stats} returns.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ManualClock, SlidingWindow, type SlidingWindowStats } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const window = new SlidingWindow({ name: 'doc:SlidingWindowStats', limit: 10, windowMs: 1000, clock });
 * window.tryAcquire(4);
 * clock.advance(1500); // the window ending now still covers half of the one with the 4
 * const stats: SlidingWindowStats = window.stats();
 * assert.deepEqual(stats, {
 *   name: 'doc:SlidingWindowStats',
 *   allowed: 1,
 *   refused: 0,
 *   available: 8,
 *   limit: 10,
 *   windowMs: 1000,
 * });
 * ```
 *
 * @group Rate limiting
 */
export interface SlidingWindowStats extends LimiterStats {
  /** Permits still available in the window ending now (may be fractional). */
  available: number;
  /** The configured limit. */
  limit: number;
  /** The configured window, in ms. */
  windowMs: number;
}
