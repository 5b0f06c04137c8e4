import type { L2Store, L2Write } from '../l2/L2Store.js';
import { clusterMget } from './cluster/clusterMget.js';
import { isCluster, type RedisClient } from './RedisClient.js';

/** Limits wide enough for any batch a cache sends. */
const passThrough = { maxKeyLength: 4096, maxBatchSize: 1_000_000 };

/** How many keys one standalone `UNLINK` carries. */
const DELETE_CHUNK = 500;

/**
 * The Redis tier of a cache, on a standalone Redis or a Redis Cluster. Batched reads go
 * through {@link clusterMget} (keys grouped by slot and master on a Cluster); writes and
 * deletes are pipelined. The client is yours: this never closes it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache } from '@mallkit/cache';
 * import { RedisBus, RedisL2 } from '@mallkit/cache/redis';
 * import { Cluster } from 'ioredis';
 *
 * const redis = new Cluster((process.env['REDIS_CLUSTER'] ?? '127.0.0.1:7000').split(','));
 * const bus = new RedisBus(redis);
 * const products = createCache<{ name: string }>({
 *   namespace: 'doc:RedisL2',
 *   l2: new RedisL2(redis), // a standalone `new Redis(url)` works the same
 *   broadcast: { bus },
 * });
 * await products.ready();
 * await redis.unlink('doc:RedisL2:sku-1'); // start clean
 *
 * await products.get('sku-1', async () => ({ name: 'Phone X' }));
 * assert.equal(await redis.exists('doc:RedisL2:sku-1'), 1); // stored as `<namespace>:<key>`
 * await products.invalidate('sku-1');
 * assert.equal(await redis.exists('doc:RedisL2:sku-1'), 0);
 *
 * await products.close();
 * await bus.close();
 * redis.disconnect(); // the client is yours
 * ```
 *
 * @group Redis
 */
export class RedisL2 implements L2Store {
  readonly #redis: RedisClient;

  /** @param redis - your ioredis `Redis` or `Cluster` */
  constructor(redis: RedisClient) {
    this.#redis = redis;
  }

  getMany(keys: readonly string[]): Promise<Array<string | null>> {
    // The cache has already checked keys and batch size against its own limits;
    // these only have to admit what it sends (namespace prefix included).
    return clusterMget(this.#redis, keys, passThrough);
  }

  async setMany(writes: readonly L2Write[]): Promise<void> {
    if (writes.length === 0) return;
    const redis = this.#redis;
    if (isCluster(redis)) {
      await Promise.all(
        writes.map((w) => redis.set(w.key, w.value, 'PX', Math.max(1, Math.ceil(w.ttlMs)))),
      );
      return;
    }
    const pipeline = redis.pipeline();
    for (const w of writes) pipeline.set(w.key, w.value, 'PX', Math.max(1, Math.ceil(w.ttlMs)));
    throwFirst(await pipeline.exec());
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const redis = this.#redis;
    if (isCluster(redis)) {
      await Promise.all(keys.map((key) => redis.unlink(key)));
      return;
    }
    const chunks: Array<Promise<number>> = [];
    for (let i = 0; i < keys.length; i += DELETE_CHUNK)
      chunks.push(redis.unlink(...keys.slice(i, i + DELETE_CHUNK)));
    await Promise.all(chunks);
  }

  async tryLock(key: string, ttlMs: number): Promise<boolean> {
    return (await this.#redis.set(key, '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
  }

  async unlock(key: string): Promise<void> {
    await this.#redis.unlink(key);
  }
}

function throwFirst(results: Array<[Error | null, unknown]> | null): void {
  for (const [error] of results ?? []) if (error) throw error;
}
