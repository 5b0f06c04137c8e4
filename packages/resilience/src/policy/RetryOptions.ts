import type { IBackoffFactory, IRetryBackoffContext } from 'cockatiel';

/**
 * When a {@link DependencyPolicy} tries a failed call again.
 *
 * Only errors that `retryOn` accepts are retried, and only for calls that are
 * idempotent: a write that may have been applied before its connection dropped is
 * never sent twice unless the call says it is safe (`execute(fn, { idempotent: true })`).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DependencyPolicy, isTransientError, type RetryOptions } from '@mallkit/resilience';
 *
 * class HttpError extends Error {
 *   status: number;
 *   constructor(status: number) {
 *     super(`HTTP ${status}`);
 *     this.status = status;
 *   }
 * }
 * const retry: RetryOptions = {
 *   maxAttempts: 3,
 *   initialDelayMs: 5,
 *   maxDelayMs: 50,
 *   // the default filter, plus the gateway errors of this service
 *   retryOn: (error) =>
 *     isTransientError(error) || (error instanceof HttpError && error.status >= 502),
 *   idempotentByDefault: true, // this policy guards reads only
 * };
 * const shipping = new DependencyPolicy({ name: 'doc:RetryOptions', retry });
 * const quote = await shipping.execute(({ attempt }) =>
 *   attempt < 3 ? Promise.reject(new HttpError(503)) : Promise.resolve(4.9),
 * );
 * assert.equal(quote, 4.9);
 * assert.equal(shipping.stats().retries, 2);
 * ```
 *
 * @group Dependency policy
 */
export interface RetryOptions {
  /**
   * Attempts in all, the first included (1 disables retrying).
   * @default 2
   */
  maxAttempts?: number;
  /**
   * First delay before a retry, in ms; later delays grow exponentially with
   * decorrelated jitter up to `maxDelayMs` (cockatiel's `ExponentialBackoff`).
   * @default 10
   */
  initialDelayMs?: number;
  /**
   * Longest delay between attempts, in ms.
   * @default 1000
   */
  maxDelayMs?: number;
  /**
   * A cockatiel backoff to use instead of `initialDelayMs`/`maxDelayMs`.
   * @default exponential with decorrelated jitter
   */
  backoff?: IBackoffFactory<IRetryBackoffContext<unknown>>;
  /**
   * Which errors are worth another attempt.
   * @default {@link isTransientError}: timeouts, dropped or refused connections, and
   * errors carrying `retryable: true`
   */
  retryOn?: (error: unknown) => boolean;
  /**
   * Whether calls are idempotent unless they say otherwise. Leave it false for
   * policies that guard writes.
   * @default false
   */
  idempotentByDefault?: boolean;
}
