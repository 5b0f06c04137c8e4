import type { LeaseProvider } from '../lease/LeaseProvider.js';

/** Options of {@link SyncScheduler}. */
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
