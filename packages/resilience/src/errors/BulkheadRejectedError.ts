import { ResilienceError } from './ResilienceError.js';

/** Every concurrency slot of the bulkhead was taken and its queue was full. */
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
