import type { KeyRules } from '../../keys/KeyRules.js';

/**
 * Settings of one {@link clusterMget} or {@link clusterMgetBuffer} call.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ClusterMgetOptions, clusterMget } from '@mallkit/cache/redis';
 * import { Cluster } from 'ioredis';
 *
 * const cluster = new Cluster((process.env['REDIS_CLUSTER'] ?? '127.0.0.1:7000').split(','));
 * const keys = Array.from({ length: 300 }, (_, i) => `doc:ClusterMgetOptions:${i}`);
 * await Promise.all(keys.map((key, i) => cluster.set(key, String(i), 'PX', 60_000)));
 *
 * const options: ClusterMgetOptions = {
 *   readFrom: 'master', // 'replica' or 'any' spread the reads, but may lag behind writes
 *   chunkSize: 100, // at most 100 keys per command to one node
 *   maxAttempts: 3, // per node's group of keys, with a slot-table refresh in between
 *   maxKeyLength: 128,
 *   maxBatchSize: 1000,
 * };
 * const values = await clusterMget(cluster, keys, options);
 * assert.equal(values[0], '0');
 * assert.equal(values[299], '299');
 * const tooMany = [...keys, ...keys, ...keys, ...keys]; // 1200 keys
 * await assert.rejects(clusterMget(cluster, tooMany, options), { code: 'BATCH_TOO_LARGE' });
 *
 * await Promise.all(keys.map((key) => cluster.unlink(key)));
 * cluster.disconnect();
 * ```
 *
 * @group Cluster batch reads
 */
export interface ClusterMgetOptions extends KeyRules {
  /**
   * Most keys one command carries: one `MGET` on a standalone Redis, one read script on
   * a Cluster node. A larger group is split into several commands sent together, so
   * that one command never holds a Redis node busy for long (about 1 µs per key).
   * @default 500
   */
  chunkSize?: number;
  /**
   * Where a Cluster read goes:
   * - `'master'`: the master that owns the slot, always current;
   * - `'replica'`: one of its replicas, chosen per call (the master if it has none);
   * - `'any'`: the master or one of its replicas, chosen per call.
   *
   * Replicas replicate asynchronously, so a replica may answer with a value that was
   * replaced on the master a moment ago; and while a slot is being migrated, a key that
   * already left its master reads as a miss on the master's replicas (they do not know
   * of the migration), as a GET on a replica does. A retry after a failed attempt always
   * goes to the master. Ignored on a standalone Redis.
   * @default 'master'
   */
  readFrom?: 'master' | 'replica' | 'any';
  /**
   * Attempts of a Cluster node's group of keys, the first included. A group whose node
   * fails (connection lost, `CLUSTERDOWN`, `LOADING`…) is retried after the slot table
   * was refreshed; when the last attempt fails too, the call throws `L2_UNAVAILABLE`.
   * There is no delay between attempts other than the refresh: wrap the call in a
   * `DependencyPolicy` (@mallkit/resilience) for backoff and deadlines.
   * @default 3
   */
  maxAttempts?: number;
}
