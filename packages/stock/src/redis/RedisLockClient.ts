/**
 * The one Redis call {@link RedisLockProvider} makes. An ioredis `Redis` or
 * `Cluster` fits as it is; so does any client with the same generic `call`.
 * On a Cluster, a script is routed by its first key.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { RedisLockProvider, type RedisLockClient } from '@mallkit/stock/redis';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const key = 'doc:RedisLockClient:{SO-42}';
 * await redis.del(key, `${key}:fence`);
 *
 * const commands: string[] = [];
 * const client: RedisLockClient = {
 *   call: (command, ...args) => { // here: ioredis, with a log of what the provider sends
 *     commands.push(command);
 *     return redis.call(command, ...args);
 *   },
 * };
 * const lease = await new RedisLockProvider(client).tryAcquire(key, 1_000);
 * assert.equal(lease?.token, 1);
 * await lease?.release();
 * assert.ok(commands.every((c) => c === 'evalsha' || c === 'eval')); // two scripts
 *
 * const down: RedisLockClient = {
 *   call: async () => {
 *     throw new Error('connect ECONNREFUSED'); // Redis is unreachable
 *   },
 * };
 * await assert.rejects(new RedisLockProvider(down).tryAcquire(key, 1_000), {
 *   code: 'STORE_UNAVAILABLE',
 * });
 * redis.disconnect();
 * ```
 *
 * @group Locks
 */
export interface RedisLockClient {
  /** Sends `command` with `args` (here `EVALSHA`, then `EVAL` on `NOSCRIPT`); resolves to the reply. */
  call(command: string, ...args: Array<string | number>): Promise<unknown>;
}
