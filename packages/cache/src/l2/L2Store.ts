/**
 * One write of {@link L2Store.setMany}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, type L2Write, MemoryL2 } from '@mallkit/cache';
 *
 * // A MemoryL2 that keeps a log of what the cache writes.
 * class LoggedL2 extends MemoryL2 {
 *   readonly writes: L2Write[] = [];
 *   override async setMany(writes: readonly L2Write[]): Promise<void> {
 *     this.writes.push(...writes);
 *     await super.setMany(writes);
 *   }
 * }
 * const l2 = new LoggedL2();
 * const names = createCache<string>({
 *   namespace: 'doc:L2Write',
 *   l2,
 *   ttlMs: 60_000,
 *   ttlJitter: 0,
 *   graceMs: 240_000,
 * });
 * await names.set('sku-1', 'Phone X');
 * const [write] = l2.writes;
 * assert.equal(write?.key, 'doc:L2Write:sku-1'); // namespace included
 * assert.equal(write?.ttlMs, 300_000); // fresh for 60 s, then kept for grace
 * assert.match(write?.value ?? '', /Phone X/); // the encoded entry
 * await names.close();
 * ```
 *
 * @group L2 tier
 */
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
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, type L2Store, type L2Write } from '@mallkit/cache';
 *
 * // A shared tier over a store of your own (a Map here), counting its round trips.
 * class MapL2 implements L2Store {
 *   readonly entries = new Map<string, { value: string; until: number }>();
 *   calls = 0;
 *   #live(key: string) {
 *     const entry = this.entries.get(key);
 *     return entry && entry.until > Date.now() ? entry : undefined;
 *   }
 *   async getMany(keys: readonly string[]) {
 *     this.calls++;
 *     return keys.map((key) => this.#live(key)?.value ?? null);
 *   }
 *   async setMany(writes: readonly L2Write[]) {
 *     this.calls++;
 *     for (const { key, value, ttlMs } of writes) {
 *       this.entries.set(key, { value, until: Date.now() + ttlMs });
 *     }
 *   }
 *   async delete(keys: readonly string[]) {
 *     for (const key of keys) this.entries.delete(key);
 *   }
 *   async tryLock(key: string, ttlMs: number) {
 *     if (this.#live(key)) return false; // held by another node
 *     this.entries.set(key, { value: '1', until: Date.now() + ttlMs });
 *     return true;
 *   }
 *   async unlock(key: string) {
 *     this.entries.delete(key);
 *   }
 * }
 * const l2 = new MapL2();
 * const names = createCache<string>({ namespace: 'doc:L2Store', l2 });
 * const skus = ['sku-1', 'sku-2', 'sku-3'];
 * await names.getMany(skus, async (wanted) => wanted.map((sku) => sku.toUpperCase()));
 * assert.equal(l2.calls, 2); // one batched read, one batched write
 * assert.deepEqual([...l2.entries.keys()], skus.map((sku) => `doc:L2Store:${sku}`));
 * await names.close();
 * ```
 *
 * @group L2 tier
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
