import type { Clock } from '../clock/Clock.js';

/** How a {@link SlidingWindow} limits. */
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
