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
 *   now,
 * };
 * const scheduler = new SyncScheduler(options);
 * await scheduler.check();
 * await scheduler.check();
 * assert.equal(signals.length, 1); // once per period
 * assert.equal(signals[0]?.aborted, false); // aborts when the lease is lost: honour it in long jobs
 * await scheduler.stop();
 * ```
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
   * Wall clock in epoch ms.
   * @default Date.now
   */
  now?: () => number;
}
