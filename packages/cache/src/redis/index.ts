/**
 * The Redis tier and bus of `@mallkit/cache`: `RedisL2` (standalone or Cluster),
 * `RedisBus` for broadcast invalidation, and `clusterMget` / `clusterMgetBuffer`, the
 * slot-grouped, pipelined batch reads. ioredis is an optional peer dependency: pass your
 * own client; it is never closed for you.
 *
 * @module @mallkit/cache/redis
 */
export type { ClusterMgetOptions } from './cluster/ClusterMgetOptions.js';
export { clusterMget } from './cluster/clusterMget.js';
export { clusterMgetBuffer } from './cluster/clusterMgetBuffer.js';
export { RedisBus, type RedisBusOptions } from './RedisBus.js';
export type { RedisClient } from './RedisClient.js';
export { RedisL2 } from './RedisL2.js';
