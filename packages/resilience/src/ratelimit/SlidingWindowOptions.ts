import type { Clock } from '../clock/Clock.js';

/**
 * How a {@link SlidingWindow} limits.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { isResilienceError, ManualClock, SlidingWindow, type SlidingWindowOptions } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const options: SlidingWindowOptions = {
 *   name: 'doc:SlidingWindowOptions',
 *   limit: 3, // 3 one-time codes…
 *   windowMs: 10 * 60_000, // …in any 10 minutes
 *   clock,
 * };
 * const codes = new SlidingWindow(options);
 * for (let i = 0; i < 3; i++) assert.equal(codes.tryAcquire(), true);
 * assert.equal(codes.tryAcquire(), false);
 * clock.advance(20 * 60_000); // two windows later nothing counts any more
 * assert.equal(codes.tryAcquire(), true);
 * assert.throws(
 *   () => new SlidingWindow({ limit: 0, windowMs: 1000 }),
 *   (e) => isResilienceError(e) && e.code === 'INVALID_OPTION',
 * );
 * ```
 *
 * @group Rate limiting
 */
export interface SlidingWindowOptions {
  /** Permits allowed in any window (integer >= 1). Required. */
  limit: number;
  /** The window's length in ms (>= 1). Required. */
  windowMs: number;
  /**
   * Name in events, errors and stats.
   * @default 'slidingWindow'
   */
  name?: string;
  /**
   * Where time comes from; a {@link ManualClock} in tests.
   * @default systemClock
   */
  clock?: Clock;
}
