import type { RedisClient } from '../RedisClient.js';
import type { ClusterMgetOptions } from './ClusterMgetOptions.js';
import { readBatch } from './readBatch.js';

/**
 * Reads many string keys at once from a Redis Cluster or a standalone Redis: the value of
 * each key, `null` for a miss, in the order of `keys`. Duplicates are allowed and each
 * position is answered (they are not merged: each is read).
 *
 * On a standalone `Redis` this is MGET, in chunks of `chunkSize` keys.
 *
 * On a `Cluster`, keys are grouped by the node that serves their slot, from the client's
 * current slot table, and each node receives one command per `chunkSize` keys, all nodes
 * at once. That command is a read-only Lua script
 * (`#!lua flags=no-writes,allow-cross-slot-keys`, keys in ARGV) that GETs each key with
 * `redis.pcall`. Why a script: 500 random keys touch about 490 of the 16384 slots, so
 * per-slot MGETs are one command per key, and such a batch spends its time in the
 * client's work per command (command object, promise, encoding, reply dispatch: about
 * 9 µs each with ioredis), not in Redis nor on the network. One script per node costs the
 * client about what one MGET of the same keys costs; Redis spends about 1.4 µs per key on
 * it (a pipelined GET about 0.9 µs, a key of an MGET 0.2 µs). Measured on 500 keys and 3
 * masters: about 2× one standalone MGET, 3× faster than `Promise.all` of GETs with
 * autopipelining, 2× faster than per-master pipelines of per-slot MGETs (see the
 * package's benchmarks).
 *
 * Why it is correct: Redis checks every key a script touches against the node's slots
 * (with the caller's READONLY/ASKING flags) and raises "non local key" otherwise; the
 * script turns that into a marker for that key alone and the key is read again through
 * the cluster client, which follows MOVED (and refreshes its slot table) and ASK. So a key
 * whose slot moved, or is being migrated, is never answered from the wrong node nor
 * reported as a miss. A node that fails (connection lost, `CLUSTERDOWN`, `LOADING`, a
 * master killed before its replica took over) has its keys retried against a refreshed
 * slot table, up to `maxAttempts`, then the call throws `L2_UNAVAILABLE`; a node that
 * refuses the script itself (scripting denied by ACL, Redis < 7.0) has its keys read one
 * by one. A key holding a non-string reads as a miss, as with MGET.
 *
 * With `readFrom: 'replica'` or `'any'` a value may lag behind the master (see
 * {@link ClusterMgetOptions.readFrom}). The client's `keyPrefix` is applied as for any
 * command. The client is yours: this never closes it. No deadline is applied: wrap the
 * call in a `DependencyPolicy` (@mallkit/resilience) for deadlines and backoff.
 *
 * @param redis - your ioredis `Cluster` or `Redis`
 * @param keys - the keys, each a non-empty string of at most `maxKeyLength` characters,
 *   at most `maxBatchSize` of them
 * @param options - see {@link ClusterMgetOptions}
 * @returns the value of each key, or `null`, in the order of `keys`
 * @throws `CacheError` `INVALID_KEY` or `BATCH_TOO_LARGE` before anything is sent,
 *   `INVALID_OPTION` for a bad option, `L2_UNAVAILABLE` when Redis could not answer
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { clusterMget } from '@mallkit/cache/redis';
 * import { Cluster } from 'ioredis';
 *
 * const redis = new Cluster((process.env['REDIS_CLUSTER'] ?? '127.0.0.1:7000').split(','));
 * await redis.set('doc:clusterMget:42', JSON.stringify({ name: 'Phone X' }));
 * await redis.set('doc:clusterMget:7', JSON.stringify({ name: 'Phone X case' }));
 * await redis.unlink('doc:clusterMget:1001');
 *
 * const ids = ['42', '7', '42', '1001'];
 * const values = await clusterMget(
 *   redis,
 *   ids.map((id) => `doc:clusterMget:${id}`), // keys in many slots, on several nodes
 *   { readFrom: 'master', chunkSize: 500 },
 * );
 * const products = values.map((json) =>
 *   json === null ? undefined : (JSON.parse(json) as { name: string }),
 * );
 * // one answer per id, in their order, the duplicate included:
 * assert.deepEqual(
 *   products.map((p) => p?.name),
 *   ['Phone X', 'Phone X case', 'Phone X', undefined],
 * );
 * redis.disconnect();
 * ```
 *
 * @group Cluster batch reads
 */
export async function clusterMget(
  redis: RedisClient,
  keys: readonly string[],
  options?: ClusterMgetOptions,
): Promise<Array<string | null>> {
  return (await readBatch(redis, keys, options, false)) as Array<string | null>;
}
