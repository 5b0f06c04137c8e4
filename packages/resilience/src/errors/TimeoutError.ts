import { ResilienceError } from './ResilienceError.js';

/** The call ran past its deadline. Its `AbortSignal` was aborted with this error. */
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
