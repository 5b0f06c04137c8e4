export type { ClusterMgetOptions } from './cluster/ClusterMgetOptions.js';
export { clusterMget } from './cluster/clusterMget.js';
export { clusterMgetBuffer } from './cluster/clusterMgetBuffer.js';
export { RedisBus, type RedisBusOptions } from './RedisBus.js';
export type { RedisClient } from './RedisClient.js';
export { RedisL2 } from './RedisL2.js';
