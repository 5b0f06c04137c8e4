// Redis integrations of @mallkit/stock; ioredis (or any client with the same calls) is an optional peer.
export type { RedisLockClient } from './RedisLockClient.js';
export { RedisLockProvider } from './RedisLockProvider.js';
