import type { Cluster, Redis } from 'ioredis';

/**
 * The client `@mallkit/cache/redis` works with: your ioredis `Redis` or `Cluster`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache } from '@mallkit/cache';
 * import { type RedisClient, RedisL2 } from '@mallkit/cache/redis';
 * import { Cluster, Redis } from 'ioredis';
 *
 * // One setup for both: a standalone Redis in development, a Cluster in production.
 * function productCache(redis: RedisClient) {
 *   return createCache<string>({ namespace: 'doc:RedisClient', l2: new RedisL2(redis) });
 * }
 * const standalone = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const cluster = new Cluster((process.env['REDIS_CLUSTER'] ?? '127.0.0.1:7000').split(','));
 * const clients: RedisClient[] = [standalone, cluster];
 * for (const redis of clients) {
 *   await redis.unlink('doc:RedisClient:sku-1'); // start clean
 *   const products = productCache(redis);
 *   await products.get('sku-1', async () => 'Phone X');
 *   assert.equal(await redis.exists('doc:RedisClient:sku-1'), 1);
 *   await products.close();
 *   redis.disconnect();
 * }
 * ```
 *
 * @group Redis
 */
export type RedisClient = Redis | Cluster;

/** Whether `client` is an ioredis `Cluster`. */
export function isCluster(client: RedisClient): client is Cluster {
  return (client as { isCluster?: boolean }).isCluster === true;
}
