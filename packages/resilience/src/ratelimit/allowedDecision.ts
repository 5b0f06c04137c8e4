import type { LimitDecision } from './RateLimiter.js';

/**
 * The one frozen "allowed" {@link LimitDecision} every limiter returns, so that
 * admitting a request allocates nothing. Compare `decision.allowed`, not identity.
 */
export const allowedDecision: LimitDecision = Object.freeze({ allowed: true, retryAfterMs: 0 });
