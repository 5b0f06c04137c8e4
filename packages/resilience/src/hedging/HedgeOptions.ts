/**
 * When and how often {@link hedge} sends a backup request.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type AttemptContext, type HedgeOptions, hedge } from '@mallkit/resilience';
 *
 * // Replicas 1 and 2 are stuck; every request gives up when its signal aborts.
 * const read = ({ attempt, signal }: AttemptContext) =>
 *   new Promise<string>((resolve, reject) => {
 *     signal.addEventListener('abort', () => reject(signal.reason));
 *     if (attempt === 3) resolve('detail from replica 3');
 *   });
 * const p95 = () => 5; // ms, e.g. read from a live latency histogram
 * const options: HedgeOptions = { delayMs: p95, maxHedges: 2 };
 * assert.equal(await hedge(read, options), 'detail from replica 3');
 *
 * // The caller's signal abandons the call and every request in flight.
 * const controller = new AbortController();
 * const abandoned = hedge(read, { delayMs: 1000, signal: controller.signal });
 * controller.abort(new Error('client disconnected'));
 * await assert.rejects(abandoned, /client disconnected/);
 * ```
 *
 * @group Hedging
 */
export interface HedgeOptions {
  /**
   * How long the first request may run before a backup is sent, in ms — typically the
   * dependency's p95 latency, so only the slowest 5% of calls are hedged. A function
   * is asked on every call, so the delay can follow a live latency estimate.
   */
  delayMs: number | (() => number);
  /**
   * Backup requests at most, each `delayMs` after the previous one.
   * @default 1
   */
  maxHedges?: number;
  /**
   * Abandons the call (and aborts every request in flight) when aborted.
   * @default none
   */
  signal?: AbortSignal;
}
