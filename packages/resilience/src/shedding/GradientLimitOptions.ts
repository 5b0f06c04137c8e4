import type { Clock } from '../clock/Clock.js';

/**
 * Settings of a {@link GradientLimit}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { GradientLimit, type GradientLimitOptions, ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const options: GradientLimitOptions = {
 *   name: 'doc:GradientLimitOptions',
 *   initialLimit: 50,
 *   minLimit: 10,
 *   maxLimit: 200,
 *   windowMs: 500,
 *   minWindowSamples: 5,
 *   longTermWindows: 100,
 *   rttTolerance: 2, // tolerate twice the usual latency
 *   smoothing: 1, // no smoothing: follow each window at once
 *   queueSize: 10,
 *   clock,
 * };
 * const limit = new GradientLimit(options);
 * clock.advance(500);
 * for (let i = 0; i < 5; i++) limit.onSample(30, 40, false); // a window at the usual latency
 * assert.equal(limit.limit, 60); // grew by queueSize
 * ```
 *
 * @group Load shedding
 */
export interface GradientLimitOptions {
  /** Name in `shedder.limit` events. @default 'gradient' */
  name?: string;
  /** The limit before any window closed. @default 20 (clamped to minLimit and maxLimit) */
  initialLimit?: number;
  /** The limit never falls below this. @default 1 */
  minLimit?: number;
  /** The limit never grows above this. @default 1000 */
  maxLimit?: number;
  /**
   * Samples are gathered in back-to-back windows of at least this long, in ms; the mean
   * round-trip time of a window's samples is its short-term RTT.
   * @default 1000
   */
  windowMs?: number;
  /** A window closes only once it holds this many samples. @default 10 */
  minWindowSamples?: number;
  /**
   * How many windows the long-term RTT (an exponential moving average of the
   * short-term ones) spans: the baseline latency the service is compared against. It
   * follows a lasting change of latency slowly (10 minutes with the default 1 s
   * windows), so an overload is not mistaken for the new normal.
   * @default 600
   */
  longTermWindows?: number;
  /**
   * How much slower than the baseline the short-term RTT may be before the limit
   * shrinks: `1.5` tolerates 50 % more latency.
   * @default 1.5
   */
  rttTolerance?: number;
  /** Weight of each new estimate in the limit, in (0, 1]; lower is steadier. @default 0.2 */
  smoothing?: number;
  /** Headroom added to each estimate so the limit can grow while latency holds. @default 4 */
  queueSize?: number;
  /** Source of time. @default systemClock */
  clock?: Clock;
}
