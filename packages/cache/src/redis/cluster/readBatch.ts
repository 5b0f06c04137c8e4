import { CacheError, isCacheError } from '../../errors/CacheError.js';
import { requireKeys } from '../../keys/requireKeys.js';
import { isCluster, type RedisClient } from '../RedisClient.js';
import type { ClusterMgetOptions } from './ClusterMgetOptions.js';
import { chunkedMget } from './chunkedMget.js';
import { resolveClusterMgetOptions } from './resolveClusterMgetOptions.js';
import { type RawValue, slotGroupedRead } from './slotGroupedRead.js';

/**
 * What {@link clusterMget} and {@link clusterMgetBuffer} share: checks the keys before
 * anything is sent, answers every position in input order (duplicates included),
 * and turns any failure of Redis into `L2_UNAVAILABLE`.
 */
export async function readBatch(
  redis: RedisClient,
  keys: readonly string[],
  options: ClusterMgetOptions | undefined,
  buffers: boolean,
): Promise<Array<RawValue | null>> {
  const settings = resolveClusterMgetOptions(options);
  const list = requireKeys(keys, settings);
  if (list.length === 0) return [];

  // Duplicates are not merged, each position is read as it comes: callers such as the
  // cache core merge them already, and merging would cost every call a Map of its keys.
  try {
    return isCluster(redis)
      ? await slotGroupedRead(redis, list, settings, buffers)
      : await chunkedMget(redis, list, settings.chunkSize, buffers);
  } catch (error) {
    if (isCacheError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CacheError('L2_UNAVAILABLE', `clusterMget: Redis failed: ${reason}`, {
      cause: error,
    });
  }
}
