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
 * import { clusterMgetBuffer } from '@mallkit/cache/redis';
 * import { Cluster } from 'ioredis';
 * import { gunzipSync } from 'node:zlib';
 *
 * const redis = new Cluster([{ host: '127.0.0.1', port: 7000 }]);
 * const values = await clusterMgetBuffer(redis, ['page:home', 'page:cart']);
 * const pages = values.map((bytes) => (bytes === null ? undefined : gunzipSync(bytes).toString()));
 * ```
 */
export async function clusterMgetBuffer(
  redis: RedisClient,
  keys: readonly string[],
  options?: ClusterMgetOptions,
): Promise<Array<Buffer | null>> {
  return (await readBatch(redis, keys, options, true)) as Array<Buffer | null>;
}
