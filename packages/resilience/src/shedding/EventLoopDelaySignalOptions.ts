import type { Clock } from '../clock/Clock.js';

/**
 * Settings of an {@link EventLoopDelaySignal}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { EventLoopDelaySignal, type EventLoopDelaySignalOptions, LoadShedder, ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const options: EventLoopDelaySignalOptions = { resolutionMs: 20, percentile: 90, refreshMs: 1_000, clock };
 * const eventLoopDelay = new EventLoopDelaySignal(options);
 * const shedder = new LoadShedder({ name: 'doc:EventLoopDelaySignalOptions', eventLoopDelay });
 * assert.equal(eventLoopDelay.read(), 0); // the first refresh period has not ended
 * clock.advance(1_000); // it has: the next read takes the p90 of the delays measured so far
 * const reading = eventLoopDelay.read();
 * assert.ok(reading >= 0);
 * assert.equal(shedder.stats().eventLoopDelayMs, reading); // cached until the next refresh
 * eventLoopDelay.close();
 * ```
 *
 * @group Load shedding
 */
export interface EventLoopDelaySignalOptions {
  /** Sampling period of the underlying `monitorEventLoopDelay` histogram, in ms. @default 10 */
  resolutionMs?: number;
  /** Which percentile of the measured delays the signal reports, in (0, 100]. @default 99 */
  percentile?: number;
  /**
   * How often the reading is refreshed (and the histogram reset), in ms. Reads in
   * between return the last reading, so admission costs no histogram query.
   * @default 500
   */
  refreshMs?: number;
  /** Source of time for the refresh period. @default systemClock */
  clock?: Clock;
}
