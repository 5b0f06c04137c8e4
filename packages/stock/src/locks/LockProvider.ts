/** A held lock and its fencing token. */
export interface LockLease {
  /**
   * Fencing token: strictly greater than every token handed out before for the
   * same key. A write carrying it is refused where a higher token already wrote.
   */
  readonly token: number;
  /** Releases the lock if this lease still holds it. */
  release(): Promise<void>;
}

/**
 * The minimal lock service the distributed-lock strategy needs. Ship your own
 * or use {@link MemoryLockProvider} (one process) or `RedisLockProvider` from
 * `@mallkit/stock/redis`.
 */
export interface LockProvider {
  /** Tries once to take `key` for `ttlMs`; `null` when someone else holds it. */
  tryAcquire(key: string, ttlMs: number): Promise<LockLease | null>;
}
