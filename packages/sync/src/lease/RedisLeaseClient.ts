/**
 * The one call the Redis lease provider needs; ioredis `Redis` and `Cluster` fit.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type RedisLeaseClient, RedisLeaseProvider } from '@mallkit/sync/redis';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * // an ioredis Redis or Cluster fits as it is; a wrapper of your own can count or trace calls
 * let calls = 0;
 * const client: RedisLeaseClient = {
 *   eval: (script, numkeys, ...keysAndArgs) => {
 *     calls += 1;
 *     return redis.eval(script, numkeys, ...keysAndArgs);
 *   },
 * };
 * const leases = new RedisLeaseProvider(client, 'doc:RedisLeaseClient:');
 * const lease = await leases.tryAcquire('nightly', 5_000);
 * assert.ok(lease);
 * await lease.release();
 * assert.equal(calls, 2); // one script per call: acquire, release
 * await redis.quit();
 * ```
 *
 * @group Leases
 */
export interface RedisLeaseClient {
  /** Runs a Lua script. */
  eval(script: string, numkeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
}
