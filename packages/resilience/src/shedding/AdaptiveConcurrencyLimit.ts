/**
 * A concurrency limit that the {@link LoadShedder} reads on every admission and feeds
 * with the outcome of every finished request. {@link AimdLimit} and
 * {@link GradientLimit} implement it; a fixed limit is given to the shedder as a number.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type AdaptiveConcurrencyLimit, LoadShedder } from '@mallkit/resilience';
 *
 * // A limit of your own: halves on every drop, never below 2.
 * class HalvingLimit implements AdaptiveConcurrencyLimit {
 *   limit = 16;
 *   onSample(_rttMs: number, _inflight: number, dropped: boolean): void {
 *     if (dropped) this.limit = Math.max(2, Math.floor(this.limit / 2));
 *   }
 * }
 * const limit = new HalvingLimit();
 * const shedder = new LoadShedder({ name: 'doc:AdaptiveConcurrencyLimit', limit });
 * assert.equal(await shedder.run('core', async () => 'fast'), 'fast'); // a success: a sample, not dropped
 * shedder.acquire('core').release('dropped'); // a request that timed out downstream
 * assert.equal(limit.limit, 8);
 * assert.equal(shedder.stats().limit, 8); // the shedder reads it on every admission
 * ```
 *
 * @group Load shedding
 */
export interface AdaptiveConcurrencyLimit {
  /** The current limit: how many requests may be in flight at once (a whole number >= 1). */
  readonly limit: number;
  /**
   * Feeds one finished request.
   *
   * @param rttMs - how long the request took, in ms
   * @param inflight - requests in flight when it was admitted, itself included
   * @param dropped - whether it timed out or was refused downstream for overload
   */
  onSample(rttMs: number, inflight: number, dropped: boolean): void;
}
