import type { RedisClient } from '../RedisClient.js';
import type { ClusterMgetOptions } from './ClusterMgetOptions.js';
import { readBatch } from './readBatch.js';

/**
 * {@link clusterMget} answering raw bytes: each value as a `Buffer`, `null` for a miss,
 * in the order of `keys`. For values that are not UTF-8 text (compressed or binary
 * encodings), which a string would corrupt.
 *
 * @param redis - your ioredis `Cluster` or `Redis`
 * @param keys - the keys (see {@link clusterMget})
 * @param options - see {@link ClusterMgetOptions}
 * @returns the bytes of each key, or `null`, in the order of `keys`
 * @throws `CacheError` as {@link clusterMget}
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { gunzipSync, gzipSync } from 'node:zlib';
 * import { clusterMgetBuffer } from '@mallkit/cache/redis';
 * import { Cluster } from 'ioredis';
 *
 * const redis = new Cluster((process.env['REDIS_CLUSTER'] ?? '127.0.0.1:7000').split(','));
 * await redis.set('doc:clusterMgetBuffer:home', gzipSync('<html>home</html>')); // bytes, not text
 * await redis.unlink('doc:clusterMgetBuffer:cart');
 *
 * const keys = ['doc:clusterMgetBuffer:home', 'doc:clusterMgetBuffer:cart'];
 * const values = await clusterMgetBuffer(redis, keys);
 * const pages = values.map((bytes) =>
 *   bytes === null ? undefined : gunzipSync(bytes).toString(),
 * );
 * assert.deepEqual(pages, ['<html>home</html>', undefined]);
 * redis.disconnect();
 * ```
 *
 * @group Cluster batch reads
 */
export async function clusterMgetBuffer(
  redis: RedisClient,
  keys: readonly string[],
  options?: ClusterMgetOptions,
): Promise<Array<Buffer | null>> {
  return (await readBatch(redis, keys, options, true)) as Array<Buffer | null>;
}
