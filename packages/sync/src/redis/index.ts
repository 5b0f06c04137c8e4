/**
 * The Redis integrations of `@mallkit/sync`: the partitioned Redis Streams transport, the
 * deduplicator and the lease provider. ioredis is an optional peer dependency.
 *
 * @module @mallkit/sync/redis
 */
export type { RedisLeaseClient } from '../lease/RedisLeaseClient.js';
export { RedisLeaseProvider } from '../lease/RedisLeaseProvider.js';
export { RedisDeduplicator } from './RedisDeduplicator.js';
export type { RedisDeduplicatorOptions } from './RedisDeduplicatorOptions.js';
export type { RedisStreamClient, RedisStreamPipeline } from './RedisStreamClient.js';
export { RedisStreamTransport } from './RedisStreamTransport.js';
export type { RedisStreamTransportOptions } from './RedisStreamTransportOptions.js';
