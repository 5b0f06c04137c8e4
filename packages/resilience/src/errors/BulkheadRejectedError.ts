import { ResilienceError } from './ResilienceError.js';

/**
 * Every concurrency slot of the bulkhead was taken and its queue was full.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { BulkheadRejectedError, DependencyPolicy } from '@mallkit/resilience';
 *
 * const reports = new DependencyPolicy({
 *   name: 'doc:BulkheadRejectedError',
 *   bulkhead: { concurrency: 1, queue: 0 },
 * });
 * let finish = (): void => {};
 * const running = reports.execute(
 *   () => new Promise<string>((resolve) => (finish = () => resolve('daily report'))),
 * );
 *
 * const error = await reports.execute(() => 'weekly report').catch((e: unknown) => e);
 * assert.ok(error instanceof BulkheadRejectedError);
 * assert.equal(error.code, 'BULKHEAD_FULL');
 * assert.equal(error.policy, 'doc:BulkheadRejectedError');
 * finish();
 * assert.equal(await running, 'daily report');
 * ```
 *
 * @group Errors
 */
export class BulkheadRejectedError extends ResilienceError {
  /** Name of the policy whose bulkhead is full. */
  readonly policy: string;

  /**
   * @param policy - name of the policy
   * @param concurrency - the bulkhead's slot count
   * @param queue - the bulkhead's queue length
   */
  constructor(policy: string, concurrency: number, queue: number) {
    super(
      'BULKHEAD_FULL',
      `bulkhead "${policy}" is full (${concurrency} running, ${queue} queued)`,
    );
    this.policy = policy;
  }
}
