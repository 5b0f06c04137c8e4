/**
 * What the function guarded by a {@link DependencyPolicy} receives on each attempt.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type AttemptContext, DependencyPolicy } from '@mallkit/resilience';
 *
 * const inventory = new DependencyPolicy({
 *   name: 'doc:AttemptContext',
 *   retry: { initialDelayMs: 1, maxDelayMs: 5 },
 * });
 * const attempts: number[] = [];
 * async function readStock({ attempt, signal }: AttemptContext): Promise<number> {
 *   attempts.push(attempt);
 *   signal.throwIfAborted(); // or hand it to fetch / the driver
 *   if (attempt === 1) throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
 *   return 7;
 * }
 * assert.equal(await inventory.execute(readStock, { idempotent: true }), 7);
 * assert.deepEqual(attempts, [1, 2]); // the first attempt failed, the retry answered
 * ```
 *
 * @group Dependency policy
 */
export interface AttemptContext {
  /**
   * Aborted when the attempt passes its deadline (reason: {@link TimeoutError}) or
   * the caller's signal aborts. Hand it to the client (fetch, a driver's query
   * options) so a timed-out call also gives its connection back. Created on first
   * read: calls that never read it pay nothing for it.
   */
  readonly signal: AbortSignal;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  readonly attempt: number;
}
