import type { LeaseProvider } from '../lease/LeaseProvider.js';

/**
 * Options of {@link SyncScheduler}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryLeaseProvider, SyncScheduler, type SyncSchedulerOptions } from '@mallkit/sync';
 *
 * const now = () => Date.parse('2025-11-11T03:00:30Z');
 * const signals: AbortSignal[] = [];
 * const options: SyncSchedulerOptions = {
 *   name: 'wms-changes', // leases are named 'wms-changes:<period start>'
 *   everyMs: 5 * 60_000, // once per five minutes, periods aligned to the epoch on every node
 *   job: async (signal) => { signals.push(signal); }, // e.g. () => warehouseSync.syncChanges()
 *   leases: new MemoryLeaseProvider(now), // RedisLeaseProvider when several nodes run it
 *   leaseMs: 60_000, // a node that dies mid-job frees the period after a minute
 *   checkEveryMs: 10_000,
 *   retryDelayMs: 10_000, // after a failure, wait 5 to 10 s, then 10 to 20 s, …
 *   maxRetryDelayMs: 120_000, // … but at most 2 minutes between tries
 *   now,
 * };
 * const scheduler = new SyncScheduler(options);
 * await scheduler.check();
 * await scheduler.check();
 * assert.equal(signals.length, 1); // once per period
 * assert.equal(signals[0]?.aborted, false); // aborts when the lease is lost: honour it in long jobs
 * await scheduler.stop();
 * ```
 *
 * @group Scheduler
 */
export interface SyncSchedulerOptions {
  /** Name of the job: the lease of each period is `<name>:<period start>`. */
  name: string;
  /** The work, e.g. `() => warehouseSync.fullSync()`. Its signal aborts when the lease is lost. */
  job: (signal: AbortSignal) => Promise<unknown>;
  /** Period in ms: the job runs once per period on one node (periods are aligned to the epoch, so nodes agree). */
  everyMs: number;
  /**
   * Leases; use `RedisLeaseProvider` when several nodes run the scheduler.
   * @default a MemoryLeaseProvider
   */
  leases?: LeaseProvider;
  /**
   * Lease time while the job runs, renewed every third of it; a node that dies
   * mid-job frees the period after this long and another node runs it.
   * @default 30_000
   */
  leaseMs?: number;
  /**
   * How often each node checks whether the current period still needs a run.
   * @default min(everyMs, 5000)
   */
  checkEveryMs?: number;
  /**
   * Wait after a failed run (or a failed lease check) before this node tries again,
   * doubled per failure in a row up to {@link SyncSchedulerOptions.maxRetryDelayMs}, and
   * jittered to a random point of its upper half (`[d / 2, d]`) so nodes that failed
   * together do not retry together. The retry happens at the first check after the wait.
   * `0` retries at the next check, as without backoff. Each node counts its own
   * failures; a success ends the backoff.
   * @default 5000
   */
  retryDelayMs?: number;
  /**
   * Longest wait between retries after failures in a row (before jitter).
   * @default 300_000 (five minutes)
   */
  maxRetryDelayMs?: number;
  /**
   * Wall clock in epoch ms; also times the backoff after failures.
   * @default Date.now
   */
  now?: () => number;
}
