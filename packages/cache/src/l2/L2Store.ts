/** One write of {@link L2Store.setMany}. */
export interface L2Write {
  /** The full key (namespace included). */
  key: string;
  /** The encoded entry. */
  value: string;
  /** How long the store keeps it, in ms. */
  ttlMs: number;
}

/**
 * The shared second tier, as the cache needs it: Redis (standalone or Cluster) through
 * `RedisL2` from `@mallkit/cache/redis`, or {@link MemoryL2} in the embedded mode.
 * Keys arrive complete (namespace included) and already validated; values are the
 * cache's encoded entries.
 */
export interface L2Store {
  /** Values of `keys` in the same order, `null` for a miss. One batched request. */
  getMany(keys: readonly string[]): Promise<Array<string | null>>;
  /** Stores every entry with its own TTL. */
  setMany(writes: readonly L2Write[]): Promise<void>;
  /** Removes `keys`. */
  delete(keys: readonly string[]): Promise<void>;
  /**
   * Takes a short lock named `key` if free (for cross-node stampede protection);
   * resolves to whether this caller holds it now.
   */
  tryLock(key: string, ttlMs: number): Promise<boolean>;
  /** Releases a lock taken with {@link L2Store.tryLock}. */
  unlock(key: string): Promise<void>;
}
