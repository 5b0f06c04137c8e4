import type { Clock } from '../clock/Clock.js';

/** Settings of an {@link EventLoopDelaySignal}. */
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
