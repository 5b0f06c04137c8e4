import { isResilienceError } from '../errors/ResilienceError.js';

const transientCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
]);

/**
 * The default retry filter: a {@link TimeoutError}, a network error a new connection
 * may not see (`ECONNRESET`, `ECONNREFUSED`, `ETIMEDOUT`, `EPIPE`…), a MySQL deadlock
 * or lock-wait timeout, or any error with `retryable: true` — the way to mark your own.
 * Rejections by a limiter, breaker or bulkhead are never transient: retrying them at
 * once only adds load.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { BrokenCircuitError, isTransientError, TimeoutError } from '@mallkit/resilience';
 *
 * const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
 * assert.equal(isTransientError(reset), true);
 * assert.equal(isTransientError(new TimeoutError('mysql', 800)), true);
 * // Mark your own errors as worth another attempt:
 * assert.equal(isTransientError(Object.assign(new Error('busy'), { retryable: true })), true);
 *
 * assert.equal(isTransientError(new Error('duplicate order number')), false);
 * assert.equal(isTransientError(new BrokenCircuitError('mysql', 5000)), false); // would add load
 * ```
 *
 * @group Dependency policy
 */
export function isTransientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (isResilienceError(error)) return error.code === 'TIMEOUT';
  const { code, retryable } = error as { code?: unknown; retryable?: unknown };
  return retryable === true || (typeof code === 'string' && transientCodes.has(code));
}
