import { Cache } from './Cache.js';
import type { CacheOptions } from './CacheOptions.js';

/**
 * Creates a typed multi-level cache for one namespace; the same as `new Cache<T>(options)`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, MemoryBus, MemoryL2 } from '@mallkit/cache';
 *
 * interface Product {
 *   sku: string;
 *   priceCents: number;
 * }
 * const rows = new Map([['sku-1', { sku: 'sku-1', priceCents: 2499 }]]); // your database
 * const products = createCache<Product>({
 *   namespace: 'doc:createCache',
 *   l2: new MemoryL2(), // `new RedisL2(redis)` from '@mallkit/cache/redis' in production
 *   broadcast: { bus: new MemoryBus() }, // `new RedisBus(redis)` across app nodes
 *   ttlMs: 60_000,
 *   graceMs: 300_000, // serve the last good value for 5 min if Redis and the DB fail
 * });
 *
 * const one = await products.get('sku-1', async (sku) => rows.get(sku));
 * const page = await products.getMany(['sku-1', 'sku-2'], async (skus) =>
 *   skus.map((sku) => rows.get(sku)),
 * );
 * assert.equal(one?.priceCents, 2499);
 * assert.deepEqual(page.map((product) => product?.sku), ['sku-1', undefined]); // sku-2: not found
 *
 * rows.set('sku-1', { sku: 'sku-1', priceCents: 1999 }); // cache-aside: the database first,
 * await products.invalidate('sku-1'); // then drop the key on every node
 * assert.equal((await products.get('sku-1', async (sku) => rows.get(sku)))?.priceCents, 1999);
 * await products.close();
 * ```
 *
 * @group Cache
 */
export function createCache<T>(options: CacheOptions<T>): Cache<T> {
  return new Cache<T>(options);
}
