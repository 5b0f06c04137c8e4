// Redis integrations of @mallkit/sync (ioredis is an optional peer).
export type { RedisLeaseClient } from '../lease/RedisLeaseClient.js';
export { RedisLeaseProvider } from '../lease/RedisLeaseProvider.js';
export { RedisDeduplicator } from './RedisDeduplicator.js';
export type { RedisDeduplicatorOptions } from './RedisDeduplicatorOptions.js';
export type { RedisStreamClient, RedisStreamPipeline } from './RedisStreamClient.js';
export { RedisStreamTransport } from './RedisStreamTransport.js';
export type { RedisStreamTransportOptions } from './RedisStreamTransportOptions.js';
