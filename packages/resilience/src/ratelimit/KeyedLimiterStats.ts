import type { LimiterStats } from './LimiterStats.js';

/** What {@link KeyedLimiter.stats} returns. */
export interface KeyedLimiterStats extends LimiterStats {
  /** Keys tracked now (at most `maxKeys`). */
  keys: number;
  /** The configured bound on tracked keys. */
  maxKeys: number;
  /** Keys forgotten to stay within `maxKeys`, since the limiter was built. */
  evictions: number;
}
