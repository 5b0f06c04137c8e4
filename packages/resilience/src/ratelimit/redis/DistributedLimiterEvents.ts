import type { LimiterEvents } from '../LimiterEvents.js';
import type { LimiterFallbackEvent } from '../LimiterFallbackEvent.js';

/**
 * Events of a {@link DistributedRateLimiter}: those of every limiter, and its fallback switches.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DistributedRateLimiter, type DistributedLimiterEvents } from '@mallkit/resilience';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * await redis.del('{doc:DistributedLimiterEvents:cart:user-1}');
 * const cart = new DistributedRateLimiter({
 *   redis,
 *   name: 'cart',
 *   keyPrefix: 'doc:DistributedLimiterEvents',
 *   ratePerSecond: 1,
 *   timeoutMs: 200,
 * });
 * const seen: Array<DistributedLimiterEvents[keyof DistributedLimiterEvents]> = [];
 * cart.events.on('limiter.decision', (e) => seen.push(e));
 * cart.events.on('rejected', (e) => seen.push(e));
 * cart.events.on('limiter.fallback', (e) => seen.push(e)); // none here: Redis answers
 * await cart.acquire(1, 'user-1');
 * const refused = await cart.acquire(1, 'user-1');
 * assert.deepEqual(seen, [
 *   { name: 'cart', allowed: true, permits: 1, retryAfterMs: 0, fallback: false, key: 'user-1' },
 *   { source: 'limiter', name: 'cart', code: 'RATE_LIMITED', key: 'user-1' },
 *   { name: 'cart', allowed: false, permits: 1, retryAfterMs: refused.retryAfterMs, fallback: false, key: 'user-1' },
 * ]);
 * await redis.quit();
 * ```
 *
 * @group Rate limiting
 */
export interface DistributedLimiterEvents extends LimiterEvents {
  /** Switched to (`active: true`) or back from (`active: false`) the local fallback. */
  'limiter.fallback': LimiterFallbackEvent;
}
