import type { LimiterStats } from './LimiterStats.js';

/** What {@link SlidingWindow.stats} returns. */
export interface SlidingWindowStats extends LimiterStats {
  /** Permits still available in the window ending now (may be fractional). */
  available: number;
  /** The configured limit. */
  limit: number;
  /** The configured window, in ms. */
  windowMs: number;
}
