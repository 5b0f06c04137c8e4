import { Cache } from './Cache.js';
import type { CacheOptions } from './CacheOptions.js';

/**
 * Creates a typed multi-level cache for one namespace.
 *
 * @example
 * ```ts
 * import { createCache, MemoryBus, MemoryL2 } from '@mallkit/cache';
 *
 * interface Product {
 *   id: string;
 *   name: string;
 *   priceCents: number;
 * }
 * const products = createCache<Product>({
 *   namespace: 'product',
 *   l2: new MemoryL2(), // `new RedisL2(redis)` from '@mallkit/cache/redis' in production
 *   broadcast: { bus: new MemoryBus() }, // `new RedisBus(redis)` across app nodes
 *   ttlMs: 60_000,
 *   graceMs: 300_000, // serve the last good value for 5 min if Redis and the DB fail
 * });
 *
 * const one = await products.get('sku-1', (id) => db.findProduct(id));
 * const page = await products.getMany(['sku-1', 'sku-2'], (ids) => db.findProducts(ids));
 *
 * await db.updatePrice('sku-1', 1999); // cache-aside: the database first,
 * await products.invalidate('sku-1'); // then drop the key on every node
 * console.log(one?.name, page.length);
 *
 * declare const db: {
 *   findProduct(id: string): Promise<Product | undefined>;
 *   findProducts(ids: string[]): Promise<Map<string, Product>>;
 *   updatePrice(id: string, cents: number): Promise<void>;
 * };
 * ```
 */
export function createCache<T>(options: CacheOptions<T>): Cache<T> {
  return new Cache<T>(options);
}
