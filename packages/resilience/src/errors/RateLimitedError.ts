import { ResilienceError } from './ResilienceError.js';

/**
 * A rate limiter refused the call. `retryAfterMs` says when a token will be free, in
 * whole ms (rounded up).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   DependencyPolicy,
 *   KeyedLimiter,
 *   ManualClock,
 *   RateLimitedError,
 * } from '@mallkit/resilience';
 *
 * const perUser = new KeyedLimiter({
 *   name: 'doc:RateLimitedError',
 *   limit: { ratePerSecond: 1, burst: 1 },
 *   clock: new ManualClock(),
 * });
 * const orders = new DependencyPolicy({ name: 'doc:RateLimitedError:orders', limiter: perUser });
 * await orders.execute(() => 'order 1', { limitKey: 'user-7' });
 *
 * const error = await orders
 *   .execute(() => 'order 2', { limitKey: 'user-7' })
 *   .catch((e: unknown) => e);
 * assert.ok(error instanceof RateLimitedError);
 * assert.equal(error.code, 'RATE_LIMITED');
 * assert.equal(error.limiter, 'doc:RateLimitedError');
 * assert.equal(error.key, 'user-7');
 * assert.equal(error.retryAfterMs, 1000); // whole ms: HTTP 429 + Retry-After: 1
 * assert.equal(await orders.execute(() => 'order 3', { limitKey: 'user-8' }), 'order 3');
 * ```
 *
 * @group Errors
 */
export class RateLimitedError extends ResilienceError {
  /** Name of the limiter that refused. */
  readonly limiter: string;
  /** The limited key (user, SKU…) for a keyed limiter. */
  readonly key: string | undefined;

  /**
   * @param limiter - name of the limiter
   * @param retryAfterMs - when to try again, in ms from now (rounded up to a whole number)
   * @param key - the limited key, for a keyed limiter
   */
  constructor(limiter: string, retryAfterMs: number, key?: string) {
    super(
      'RATE_LIMITED',
      `rate limit "${limiter}"${key === undefined ? '' : ` for key "${key}"`} exceeded; retry in ${Math.ceil(retryAfterMs)} ms`,
      {
        retryAfterMs,
      },
    );
    this.limiter = limiter;
    this.key = key;
  }
}
