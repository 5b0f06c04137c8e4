/**
 * Typed events of {@link SyncScheduler}, also on `diagnostics_channel` as `mallkit:sync:scheduler:<name>`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { SyncScheduler } from '@mallkit/sync';
 *
 * let now = Date.parse('2025-11-11T03:00:30Z'); // a clock of our own: one period throughout
 * let attempts = 0;
 * const scheduler = new SyncScheduler({
 *   name: 'reindex',
 *   everyMs: 60_000,
 *   now: () => now, // times the periods and the backoff after a failure
 *   job: async () => {
 *     if (++attempts === 1) throw new Error('search engine down');
 *   },
 * });
 * const log: string[] = [];
 * let backoff = 0;
 * scheduler.events.on('started', ({ period }) => log.push(`started ${new Date(period).toISOString()}`));
 * scheduler.events.on('failed', ({ error, attempt, retryInMs }) => {
 *   log.push(`failed ${attempt} in a row: ${error}`);
 *   backoff = retryInMs; // retryDelayMs (5 s), doubled per failure in a row, jittered
 * });
 * scheduler.events.on('finished', ({ durationMs }) => log.push(`finished in ${durationMs} ms`));
 * await scheduler.check(); // fails: the period stays open, this node backs off
 * await scheduler.check(); // still backing off: nothing happens
 * assert.ok(backoff >= 2_500 && backoff <= 5_000);
 * now += backoff;
 * await scheduler.check(); // the backoff is over: it tries again
 * await scheduler.check(); // done for this period: nothing happens
 * assert.deepEqual(log, [
 *   'started 2025-11-11T03:00:00.000Z',
 *   'failed 1 in a row: Error: search engine down',
 *   'started 2025-11-11T03:00:00.000Z',
 *   'finished in 0 ms',
 * ]);
 * ```
 *
 * @group Scheduler
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
  /**
   * The job failed or lost its lease, or the lease could not be checked. This node tries
   * again no sooner than `retryInMs` from now; another node may run the period sooner.
   */
  failed: {
    /** Job name. */
    name: string;
    /** Start of the period (epoch ms). */
    period: number;
    /** The error. */
    error: unknown;
    /** Failures in a row on this node, this one included. */
    attempt: number;
    /** Backoff before this node's next try, in ms (by the scheduler's `now`). */
    retryInMs: number;
  };
}
