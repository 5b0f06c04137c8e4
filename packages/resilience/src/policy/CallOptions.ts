/**
 * Per-call options of {@link DependencyPolicy.execute}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CallOptions, DependencyPolicy } from '@mallkit/resilience';
 *
 * const pricing = new DependencyPolicy({
 *   name: 'doc:CallOptions',
 *   retry: { initialDelayMs: 1, maxDelayMs: 5 },
 * });
 * const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
 *
 * // A read may be sent again after a transient failure.
 * const read: CallOptions = { idempotent: true };
 * const price = await pricing.execute(
 *   ({ attempt }) => (attempt === 1 ? Promise.reject(reset) : Promise.resolve(9.99)),
 *   read,
 * );
 * assert.equal(price, 9.99);
 *
 * // The caller gave up (its client disconnected): the call rejects with the signal's reason.
 * const controller = new AbortController();
 * const abandoned = pricing.execute(
 *   ({ signal }) =>
 *     new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
 *   { idempotent: true, signal: controller.signal },
 * );
 * controller.abort(new Error('client went away'));
 * await assert.rejects(abandoned, /client went away/);
 * ```
 *
 * @group Dependency policy
 */
export interface CallOptions {
  /**
   * The call may be sent again after a transient failure. Say so only for reads and
   * for writes that are idempotent (keyed by a unique order number, say).
   * @default the policy's `retry.idempotentByDefault` (false)
   */
  idempotent?: boolean;
  /**
   * Abandons the call when aborted: the caller gets the signal's reason, the attempt's
   * signal aborts, no retry follows.
   * @default none
   */
  signal?: AbortSignal;
  /**
   * The key handed to the policy's limiter (a user id, a SKU) for per-key limits.
   * Required when the limiter is a {@link KeyedLimiter}: without it the call rejects
   * with an {@link InvalidOptionError} (option `'limitKey'`), without being attempted.
   * @default none
   */
  limitKey?: string;
}
