/**
 * A held lease.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type Lease, MemoryLeaseProvider } from '@mallkit/sync';
 *
 * let now = 0; // a clock moved by hand; RedisLeaseProvider's leases behave the same
 * const leases = new MemoryLeaseProvider(() => now);
 * const lease: Lease | null = await leases.tryAcquire('reindex', 30_000);
 * assert.ok(lease);
 * now = 20_000;
 * assert.equal(await lease.renew(30_000), true); // renewed in time: held until 50 000
 * now = 90_000; // the holder stalled past its lease...
 * const other = await leases.tryAcquire('reindex', 30_000);
 * assert.ok(other); // ...so another node took it
 * assert.equal(await lease.renew(30_000), false); // lost: stop working
 * await lease.release(); // does nothing: the lease is no longer ours
 * assert.equal(await other.renew(30_000), true);
 * await other.release();
 * ```
 *
 * @group Leases
 */
export interface Lease {
  /** Extends the lease to `ttlMs` from now; `false` when it was lost (expired and taken). */
  renew(ttlMs: number): Promise<boolean>;
  /** Gives the lease up if still held. */
  release(): Promise<void>;
}

/**
 * Mutual exclusion between nodes for scheduled work: `MemoryLeaseProvider`
 * in one process, `RedisLeaseProvider` from `@mallkit/sync/redis` across nodes.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type LeaseProvider, MemoryLeaseProvider } from '@mallkit/sync';
 *
 * // Runs `work` on the one node that holds `name`. Written against the interface, so
 * // MemoryLeaseProvider (one process, tests) and RedisLeaseProvider (several nodes) both fit.
 * async function exclusively(leases: LeaseProvider, name: string, work: () => Promise<void>) {
 *   const lease = await leases.tryAcquire(name, 10_000);
 *   if (!lease) return false; // someone else runs it
 *   try {
 *     await work();
 *     return true;
 *   } finally {
 *     await lease.release();
 *   }
 * }
 * const leases = new MemoryLeaseProvider();
 * let runs = 0;
 * const rebuild = () => exclusively(leases, 'rebuild-index', async () => { runs += 1; });
 * assert.deepEqual(await Promise.all([rebuild(), rebuild()]), [true, false]);
 * assert.equal(await rebuild(), true); // released: free again
 * assert.equal(runs, 2);
 * ```
 *
 * @group Leases
 */
export interface LeaseProvider {
  /** Takes `name` for `ttlMs` if nobody holds it; `null` otherwise. */
  tryAcquire(name: string, ttlMs: number): Promise<Lease | null>;
}
