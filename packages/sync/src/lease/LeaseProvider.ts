/** A held lease. */
export interface Lease {
  /** Extends the lease to `ttlMs` from now; `false` when it was lost (expired and taken). */
  renew(ttlMs: number): Promise<boolean>;
  /** Gives the lease up if still held. */
  release(): Promise<void>;
}

/**
 * Mutual exclusion between nodes for scheduled work: `MemoryLeaseProvider`
 * in one process, `RedisLeaseProvider` from `@mallkit/sync/redis` across nodes.
 */
export interface LeaseProvider {
  /** Takes `name` for `ttlMs` if nobody holds it; `null` otherwise. */
  tryAcquire(name: string, ttlMs: number): Promise<Lease | null>;
}
