import { requireNumber } from '../options/requireNumber.js';
import type { AttemptContext } from '../policy/AttemptContext.js';
import type { HedgeOptions } from './HedgeOptions.js';

/**
 * Sends a backup request when the first one is slow, and returns whichever answers
 * first; the others are aborted through their signals. For idempotent reads whose
 * tail latency matters more than the extra load ("The Tail at Scale"): product detail
 * from one of several replicas, a price from a slow pricing service.
 *
 * Rejects with the last failure only when every request failed.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { hedge } from '@mallkit/resilience';
 *
 * // Two replicas of the pricing service; the first is stuck. Each request gives up when its
 * // signal aborts, as `fetch(url, { signal })` does.
 * const replicas = ['pricing-a', 'pricing-b'];
 * const aborted: string[] = [];
 * const price = await hedge(
 *   ({ attempt, signal }) =>
 *     new Promise<string>((resolve, reject) => {
 *       const replica = replicas[attempt - 1] ?? 'none';
 *       signal.addEventListener('abort', () => {
 *         aborted.push(replica);
 *         reject(signal.reason);
 *       });
 *       if (replica === 'pricing-b') resolve(`19.90 from ${replica}`);
 *     }),
 *   { delayMs: 10 }, // the service's p95
 * );
 * assert.equal(price, '19.90 from pricing-b');
 * assert.deepEqual(aborted, ['pricing-a']); // the slow request was abandoned
 * ```
 *
 * @group Hedging
 */
export function hedge<T>(
  fn: (context: AttemptContext) => PromiseLike<T> | T,
  options: HedgeOptions,
): Promise<T> {
  const maxHedges = requireNumber('hedge.maxHedges', options.maxHedges ?? 1, {
    min: 0,
    integer: true,
  });
  const delayOf =
    typeof options.delayMs === 'function' ? options.delayMs : () => options.delayMs as number;
  const signal = options.signal;
  return new Promise<T>((resolve, reject) => {
    const controllers: AbortController[] = [];
    let failures = 0;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (reason: unknown, winner?: AbortController) => {
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      for (const controller of controllers) if (controller !== winner) controller.abort(reason);
    };
    const onAbort = () => {
      if (settled) return;
      finish(signal?.reason);
      reject(signal?.reason);
    };
    const launch = () => {
      if (settled) return;
      const controller = new AbortController();
      controllers.push(controller);
      const context: AttemptContext = { signal: controller.signal, attempt: controllers.length };
      if (controllers.length <= maxHedges) {
        const delay = requireNumber('hedge.delayMs', delayOf(), { min: 0 });
        timer = setTimeout(launch, delay);
      }
      Promise.resolve()
        .then(() => fn(context))
        .then(
          (value) => {
            if (settled) return;
            finish(new Error('hedge: another request answered first'), controller);
            resolve(value);
          },
          (error: unknown) => {
            if (settled) return;
            failures++;
            if (failures === maxHedges + 1) {
              finish(error);
              reject(error);
            } else if (failures === controllers.length) {
              clearTimeout(timer);
              launch(); // every request so far failed: send the next backup now
            }
          },
        );
    };
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    launch();
  });
}
