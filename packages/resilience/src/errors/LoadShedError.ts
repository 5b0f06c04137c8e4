import type { Priority } from '../shedding/Priority.js';
import { ResilienceError } from './ResilienceError.js';

/**
 * Why a request was shed.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LoadShedder, LoadShedError, type ShedReason } from '@mallkit/resilience';
 *
 * // Count sheds by reason, e.g. as a metrics label.
 * const shedByReason = new Map<ShedReason, number>();
 * const shedder = new LoadShedder({ name: 'doc:ShedReason', limit: 1 });
 * const permit = shedder.acquire('core'); // the whole limit is in use
 * for (const priority of ['normal', 'background'] as const) {
 *   try {
 *     await shedder.run(priority, () => 'list page');
 *   } catch (error) {
 *     if (!(error instanceof LoadShedError)) throw error;
 *     shedByReason.set(error.reason, (shedByReason.get(error.reason) ?? 0) + 1);
 *   }
 * }
 * permit.release();
 * assert.equal(shedByReason.get('concurrency'), 2);
 * assert.equal(shedder.stats().shed.background.concurrency, 1); // counted in stats too
 * ```
 *
 * @group Errors
 */
export type ShedReason = 'concurrency' | 'eventLoopDelay' | 'errorRate' | 'queueTimeout';

/**
 * The request was shed under pressure so that higher-priority traffic stays served.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LoadShedder, LoadShedError } from '@mallkit/resilience';
 *
 * const shedder = new LoadShedder({ name: 'doc:LoadShedError', limit: 2, retryAfterMs: 500 });
 * const checkout = shedder.acquire('core'); // in flight: background's share (half) is used up
 *
 * const error = await shedder.run('background', () => ['recommended']).catch((e: unknown) => e);
 * assert.ok(error instanceof LoadShedError);
 * assert.equal(error.code, 'LOAD_SHED');
 * assert.equal(error.priority, 'background');
 * assert.equal(error.reason, 'concurrency');
 * assert.equal(error.retryAfterMs, 500); // e.g. HTTP 503 + Retry-After
 * checkout.release();
 * ```
 *
 * @group Errors
 */
export class LoadShedError extends ResilienceError {
  /** Priority of the shed request. */
  readonly priority: Priority;
  /** The pressure signal that made the shedder refuse. */
  readonly reason: ShedReason;

  /**
   * @param priority - the request's priority
   * @param reason - the pressure signal
   * @param retryAfterMs - a hint for when to retry, in ms (rounded up to a whole number)
   */
  constructor(priority: Priority, reason: ShedReason, retryAfterMs?: number) {
    super('LOAD_SHED', `shed ${priority} request under ${reason} pressure`, { retryAfterMs });
    this.priority = priority;
    this.reason = reason;
  }
}
