import type { LimitDecision } from './RateLimiter.js';

/**
 * The one frozen "allowed" {@link LimitDecision} every limiter returns, so that
 * admitting a request allocates nothing. Compare `decision.allowed`, not identity.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { allowedDecision, type LimitDecision, type RateLimiter } from '@mallkit/resilience';
 *
 * // A limiter of your own: refuses everything during a maintenance window.
 * let maintenanceUntil = 0;
 * const maintenance: RateLimiter = {
 *   name: 'doc:allowedDecision',
 *   acquire(): LimitDecision {
 *     const wait = maintenanceUntil - Date.now();
 *     return wait > 0 ? { allowed: false, retryAfterMs: wait } : allowedDecision; // admits without allocating
 *   },
 * };
 * assert.deepEqual(await maintenance.acquire(), { allowed: true, retryAfterMs: 0 });
 * maintenanceUntil = Date.now() + 60_000;
 * const refused = await maintenance.acquire();
 * assert.equal(refused.allowed, false);
 * assert.ok(refused.retryAfterMs > 59_000);
 * assert.ok(Object.isFrozen(allowedDecision)); // shared: never mutate it
 * ```
 *
 * @group Rate limiting
 */
export const allowedDecision: LimitDecision = Object.freeze({ allowed: true, retryAfterMs: 0 });
