import type { Priority } from '../shedding/Priority.js';
import { ResilienceError } from './ResilienceError.js';

/** Why a request was shed. */
export type ShedReason = 'concurrency' | 'eventLoopDelay' | 'errorRate' | 'queueTimeout';

/** The request was shed under pressure so that higher-priority traffic stays served. */
export class LoadShedError extends ResilienceError {
  /** Priority of the shed request. */
  readonly priority: Priority;
  /** The pressure signal that made the shedder refuse. */
  readonly reason: ShedReason;

  /**
   * @param priority - the request's priority
   * @param reason - the pressure signal
   * @param retryAfterMs - a hint for when to retry, in ms
   */
  constructor(priority: Priority, reason: ShedReason, retryAfterMs?: number) {
    super('LOAD_SHED', `shed ${priority} request under ${reason} pressure`, { retryAfterMs });
    this.priority = priority;
    this.reason = reason;
  }
}
