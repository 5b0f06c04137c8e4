/**
 * How an admitted request ended, reported when its permit is released:
 * - `success`: counts as a success in the error rate; its latency is a sample for an
 *   adaptive limit;
 * - `failure`: counts as a failure in the error rate; its latency is not sampled (a
 *   failure is often fast and would make the service look quicker than it is);
 * - `dropped`: timed out, or refused by an overloaded dependency: a failure in the error
 *   rate and a "dropped" sample for an adaptive limit, which then backs off;
 * - `ignored`: counts nowhere (the client went away, the input was invalid).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { AimdLimit, LoadShedder, type RequestOutcome } from '@mallkit/resilience';
 *
 * function outcomeOf(status: number): RequestOutcome {
 *   if (status === 499) return 'ignored'; // the client went away
 *   if (status === 503 || status === 504) return 'dropped'; // a dependency was overloaded or timed out
 *   return status >= 500 ? 'failure' : 'success';
 * }
 * const limit = new AimdLimit({ name: 'doc:RequestOutcome', initialLimit: 10 });
 * const shedder = new LoadShedder({ name: 'doc:RequestOutcome', limit, errorRateMinSamples: 1 });
 * for (const status of [200, 499, 500, 504]) shedder.acquire('core').release(outcomeOf(status));
 * assert.equal(shedder.stats().errorRate, 2 / 3); // the 499 counts nowhere
 * assert.equal(limit.limit, 9); // the drop made the limit back off
 * ```
 *
 * @group Load shedding
 */
export type RequestOutcome = 'success' | 'failure' | 'dropped' | 'ignored';
