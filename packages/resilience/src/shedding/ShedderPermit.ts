import type { Priority } from './Priority.js';
import type { RequestOutcome } from './RequestOutcome.js';

/**
 * An admitted request's hold on the {@link LoadShedder}, from
 * {@link LoadShedder.tryAcquire} or {@link LoadShedder.acquire}. Release it exactly when
 * the request ends, whatever the outcome (a `finally` block); releasing twice is a no-op.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LoadShedder, type ShedderPermit } from '@mallkit/resilience';
 *
 * const shedder = new LoadShedder({ name: 'doc:ShedderPermit', limit: 10, errorRateMinSamples: 1 });
 * async function handle(permit: ShedderPermit, work: () => Promise<string>): Promise<string> {
 *   try {
 *     const body = await work();
 *     permit.release('success');
 *     return body;
 *   } finally {
 *     permit.release('failure'); // a no-op when already released
 *   }
 * }
 * const permit = shedder.acquire('normal');
 * assert.equal(permit.priority, 'normal');
 * assert.equal(await handle(permit, async () => 'list page'), 'list page');
 * await assert.rejects(handle(shedder.acquire('core'), async () => { throw new Error('database down'); }));
 * assert.equal(shedder.inflight, 0);
 * assert.equal(shedder.stats().errorRate, 0.5); // one success, one failure
 * ```
 *
 * @group Load shedding
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
