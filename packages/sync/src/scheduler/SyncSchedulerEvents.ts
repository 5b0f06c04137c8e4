/**
 * Typed events of {@link SyncScheduler}, also on `diagnostics_channel` as `mallkit:sync:scheduler:<name>`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { SyncScheduler } from '@mallkit/sync';
 *
 * let attempts = 0;
 * const scheduler = new SyncScheduler({
 *   name: 'reindex',
 *   everyMs: 60_000,
 *   now: () => Date.parse('2025-11-11T03:00:30Z'), // a fixed clock: one period throughout
 *   job: async () => {
 *     if (++attempts === 1) throw new Error('search engine down');
 *   },
 * });
 * const log: string[] = [];
 * scheduler.events.on('started', ({ period }) => log.push(`started ${new Date(period).toISOString()}`));
 * scheduler.events.on('failed', ({ error }) => log.push(`failed: ${error}`));
 * scheduler.events.on('finished', ({ durationMs }) => log.push(`finished in ${durationMs} ms`));
 * await scheduler.check(); // fails: the period stays open
 * await scheduler.check(); // the next check tries again
 * await scheduler.check(); // done for this period: nothing happens
 * assert.deepEqual(log, [
 *   'started 2025-11-11T03:00:00.000Z',
 *   'failed: Error: search engine down',
 *   'started 2025-11-11T03:00:00.000Z',
 *   'finished in 0 ms',
 * ]);
 * ```
 */
export interface SyncSchedulerEvents {
  /** This node took the period's lease and started the job. */
  started: {
    /** Job name. */
    name: string;
    /** Start of the period (epoch ms). */
    period: number;
  };
  /** The job finished; the period is done on every node. */
  finished: {
    /** Job name. */
    name: string;
    /** Start of the period (epoch ms). */
    period: number;
    /** How long it ran, in ms. */
    durationMs: number;
  };
  /** The job failed or lost its lease; another check of this period may run it again. */
  failed: {
    /** Job name. */
    name: string;
    /** Start of the period (epoch ms). */
    period: number;
    /** The error. */
    error: unknown;
  };
}
