import { ResilienceError } from './ResilienceError.js';

/**
 * The call ran past its deadline. Its `AbortSignal` was aborted with this error.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type AttemptContext, DependencyPolicy, TimeoutError } from '@mallkit/resilience';
 *
 * // A query that takes a second, and stops when its signal aborts (as fetch does).
 * function slowQuery({ signal }: AttemptContext): Promise<string> {
 *   return new Promise((resolve, reject) => {
 *     const timer = setTimeout(resolve, 1000, 'rows');
 *     signal.addEventListener('abort', () => {
 *       clearTimeout(timer);
 *       reject(signal.reason);
 *     });
 *   });
 * }
 * const search = new DependencyPolicy({ name: 'doc:TimeoutError', timeoutMs: 20 });
 * const error = await search.execute(slowQuery).catch((e: unknown) => e);
 * assert.ok(error instanceof TimeoutError);
 * assert.equal(error.code, 'TIMEOUT');
 * assert.equal(error.policy, 'doc:TimeoutError');
 * assert.equal(error.timeoutMs, 20);
 * ```
 *
 * @group Errors
 */
export class TimeoutError extends ResilienceError {
  /** Name of the policy that timed out. */
  readonly policy: string;
  /** The deadline that was exceeded, in ms. */
  readonly timeoutMs: number;

  /**
   * @param policy - name of the policy
   * @param timeoutMs - the deadline, in ms
   */
  constructor(policy: string, timeoutMs: number) {
    super('TIMEOUT', `"${policy}" timed out after ${timeoutMs} ms`);
    this.policy = policy;
    this.timeoutMs = timeoutMs;
  }
}
