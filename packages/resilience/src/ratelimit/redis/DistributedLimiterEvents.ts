import type { LimiterEvents } from '../LimiterEvents.js';
import type { LimiterFallbackEvent } from '../LimiterFallbackEvent.js';

/** Events of a {@link DistributedRateLimiter}: those of every limiter, and its fallback switches. */
export interface DistributedLimiterEvents extends LimiterEvents {
  /** Switched to (`active: true`) or back from (`active: false`) the local fallback. */
  'limiter.fallback': LimiterFallbackEvent;
}
