import type { ResilienceErrorCode } from './ResilienceErrorCode.js';

const brand = Symbol.for('@mallkit/resilience/error');

/**
 * Base class of every error that @mallkit/resilience throws.
 *
 * Branch on {@link ResilienceError.code}, never on the message: codes are stable across
 * versions, messages are for people. The underlying failure, when there is one, is kept
 * as `cause`. Rejections that a caller may retry later carry `retryAfterMs`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   DependencyPolicy,
 *   isResilienceError,
 *   ManualClock,
 *   TokenBucket,
 * } from '@mallkit/resilience';
 *
 * const checkout = new DependencyPolicy({
 *   name: 'doc:ResilienceError',
 *   limiter: new TokenBucket({ ratePerSecond: 1, burst: 1, clock: new ManualClock() }),
 * });
 * await checkout.execute(() => 'first order');
 * try {
 *   await checkout.execute(() => 'second order');
 *   assert.fail('the limiter should have refused');
 * } catch (error) {
 *   if (!isResilienceError(error)) throw error;
 *   assert.equal(error.code, 'RATE_LIMITED'); // branch on the code, never on the message
 *   assert.equal(error.retryAfterMs, 1000); // e.g. HTTP 429 + Retry-After: 1
 * }
 * ```
 *
 * @group Errors
 */
export class ResilienceError extends Error {
  /** Stable machine-readable identifier of the failure. */
  readonly code: ResilienceErrorCode;
  /**
   * When the caller may try again, in milliseconds from now, where that is known: a
   * whole number, rounded up from the exact wait (never too early), ready for a
   * `Retry-After` header (`Math.ceil(retryAfterMs / 1000)` seconds).
   */
  readonly retryAfterMs: number | undefined;

  /**
   * @param code - stable identifier of the failure
   * @param message - what went wrong, for people
   * @param options - `cause`: the original error; `retryAfterMs`: when to try again, in
   * ms (rounded up to a whole number)
   */
  constructor(
    code: ResilienceErrorCode,
    message: string,
    options: { cause?: unknown; retryAfterMs?: number | undefined } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryAfterMs =
      options.retryAfterMs === undefined ? undefined : Math.ceil(options.retryAfterMs);
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * Whether `error` was thrown by @mallkit/resilience. Unlike `instanceof`, this holds
 * when two copies of the package are installed side by side.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DependencyPolicy, isResilienceError } from '@mallkit/resilience';
 *
 * const mysql = new DependencyPolicy({ name: 'doc:isResilienceError' });
 * const release = mysql.breaker?.isolate(); // e.g. the database is in maintenance
 * const refused = await mysql.execute(() => 'not attempted').catch((error: unknown) => error);
 * assert.ok(isResilienceError(refused)); // refused by the policy: answer 503, or a fallback
 * assert.equal(refused.code, 'CIRCUIT_OPEN');
 * release?.();
 *
 * const failed = await mysql
 *   .execute(() => Promise.reject(new Error('duplicate order number')))
 *   .catch((error: unknown) => error);
 * assert.equal(isResilienceError(failed), false); // your own errors pass through unchanged
 * ```
 *
 * @group Errors
 */
export function isResilienceError(error: unknown): error is ResilienceError {
  return typeof error === 'object' && error !== null && brand in error;
}
