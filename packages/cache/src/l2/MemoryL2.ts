import type { L2Store, L2Write } from './L2Store.js';

/**
 * An in-process {@link L2Store} for the embedded mode (no Redis) and for tests: one
 * instance shared by several caches plays the part of a Redis they share. Expired
 * entries are dropped when read.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, MemoryL2 } from '@mallkit/cache';
 *
 * const l2 = new MemoryL2(); // plays the Redis two app nodes share
 * const nodeA = createCache<{ name: string }>({ namespace: 'doc:MemoryL2', l2 });
 * const nodeB = createCache<{ name: string }>({ namespace: 'doc:MemoryL2', l2 });
 * await nodeA.get('sku-1', async () => ({ name: 'Phone X' }));
 * assert.deepEqual(await nodeB.get('sku-1'), { name: 'Phone X' }); // from the shared tier
 * assert.equal(nodeB.stats().hits.l2, 1);
 * await nodeA.close();
 * await nodeB.close();
 * ```
 *
 * @group L2 tier
 */
export class MemoryL2 implements L2Store {
  readonly #entries = new Map<string, { value: string; expiresAt: number }>();
  readonly #now: () => number;

  /** @param now - the time source, epoch ms (default `Date.now`) */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    const now = this.#now();
    return keys.map((key) => {
      const entry = this.#entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= now) {
        this.#entries.delete(key);
        return null;
      }
      return entry.value;
    });
  }

  async setMany(writes: readonly L2Write[]): Promise<void> {
    const now = this.#now();
    for (const { key, value, ttlMs } of writes)
      this.#entries.set(key, { value, expiresAt: now + ttlMs });
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.#entries.delete(key);
  }

  async tryLock(key: string, ttlMs: number): Promise<boolean> {
    // Check and take in one step, as SET NX does: no await in between.
    const now = this.#now();
    const held = this.#entries.get(key);
    if (held && held.expiresAt > now) return false;
    this.#entries.set(key, { value: '1', expiresAt: now + ttlMs });
    return true;
  }

  async unlock(key: string): Promise<void> {
    this.#entries.delete(key);
  }
}
