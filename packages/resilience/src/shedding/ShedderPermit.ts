import type { Priority } from './Priority.js';
import type { RequestOutcome } from './RequestOutcome.js';

/**
 * An admitted request's hold on the {@link LoadShedder}, from
 * {@link LoadShedder.tryAcquire} or {@link LoadShedder.acquire}. Release it exactly when
 * the request ends, whatever the outcome (a `finally` block); releasing twice is a no-op.
 */
export interface ShedderPermit {
  /** The request's priority. */
  readonly priority: Priority;
  /**
   * Gives the slot back and reports how the request ended.
   * @param outcome - see {@link RequestOutcome}; `'success'` when omitted
   */
  release(outcome?: RequestOutcome): void;
}
