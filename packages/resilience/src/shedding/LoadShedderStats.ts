import type { ShedReason } from '../errors/LoadShedError.js';
import type { Priority } from './Priority.js';

/**
 * A snapshot of a {@link LoadShedder}, from {@link LoadShedder.stats}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LoadShedder, type LoadShedderStats } from '@mallkit/resilience';
 *
 * const shedder = new LoadShedder({ name: 'doc:LoadShedderStats', limit: 2 });
 * assert.equal(await shedder.run('core', async () => 'product page'), 'product page');
 * const permit = shedder.acquire('normal'); // still in flight
 * shedder.tryAcquire('background'); // shed: 1 of 2 in flight
 * const stats: LoadShedderStats = shedder.stats();
 * assert.equal(stats.inflight, 1);
 * assert.equal(stats.limit, 2);
 * assert.deepEqual(stats.inflightByPriority, { core: 0, normal: 1, background: 0 });
 * assert.deepEqual(stats.admitted, { core: 1, normal: 1, background: 0 });
 * assert.deepEqual(stats.shed.background, { concurrency: 1, eventLoopDelay: 0, errorRate: 0, queueTimeout: 0 });
 * assert.equal(stats.errorRate, 0); // 0 below errorRateMinSamples outcomes
 * assert.equal(stats.eventLoopDelayMs, undefined); // not watched
 * permit.release();
 * ```
 *
 * @group Load shedding
 */
export interface LoadShedderStats {
  /** The shedder's name. */
  name: string;
  /** Requests in flight. */
  inflight: number;
  /** The current concurrency limit. */
  limit: number;
  /** Requests in flight, by priority. */
  inflightByPriority: Record<Priority, number>;
  /** Requests admitted since the shedder was created, by priority. */
  admitted: Record<Priority, number>;
  /**
   * Requests shed since the shedder was created, by priority and reason
   * (`queueTimeout` stays 0: this shedder does not queue).
   */
  shed: Record<Priority, Record<ShedReason, number>>;
  /** Failure ratio in the error window (0 below the minimum sample count). */
  errorRate: number;
  /** The last event loop delay reading in ms, or `undefined` when not watched. */
  eventLoopDelayMs: number | undefined;
}
