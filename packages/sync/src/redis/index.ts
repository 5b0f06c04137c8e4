// Redis integrations of @mallkit/sync (ioredis is an optional peer).
export type { RedisLeaseClient } from '../lease/RedisLeaseClient.js';
export { RedisLeaseProvider } from '../lease/RedisLeaseProvider.js';
