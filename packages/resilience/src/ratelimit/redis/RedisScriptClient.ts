/**
 * The part of a Redis client a {@link DistributedRateLimiter} uses: running a Lua script
 * by its SHA1, and by its text when the server does not know it yet. An ioredis `Redis`
 * or `Cluster` satisfies it as is; so can a thin wrapper around another client. The
 * limiter never connects, configures or closes the client.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DistributedRateLimiter, type RedisScriptClient } from '@mallkit/resilience';
 * import { Cluster } from 'ioredis';
 *
 * const cluster = new Cluster((process.env['REDIS_CLUSTER'] ?? '127.0.0.1:7000').split(','));
 * await cluster.del('{doc:RedisScriptClient:sku-1}'); // start clean (and connected)
 * const sent: string[] = [];
 * // A thin wrapper around the client: records what the limiter sends.
 * const recording: RedisScriptClient = {
 *   evalsha(sha1, numkeys, ...keysAndArgs) {
 *     sent.push('EVALSHA');
 *     return cluster.evalsha(sha1, numkeys, ...keysAndArgs);
 *   },
 *   eval(script, numkeys, ...keysAndArgs) {
 *     sent.push('EVAL');
 *     return cluster.eval(script, numkeys, ...keysAndArgs);
 *   },
 * };
 * const limiter = new DistributedRateLimiter({
 *   redis: recording,
 *   name: 'sku-1',
 *   keyPrefix: 'doc:RedisScriptClient',
 *   ratePerSecond: 1,
 *   timeoutMs: 500,
 * });
 * assert.equal((await limiter.acquire()).allowed, true);
 * assert.equal((await limiter.acquire()).allowed, false);
 * assert.equal(sent.filter((command) => command === 'EVALSHA').length, 2); // plus one EVAL if the script was new
 * assert.equal(limiter.stats().redisDecisions, 2);
 * cluster.disconnect();
 * ```
 *
 * @group Rate limiting
 */
export interface RedisScriptClient {
  /** `EVALSHA sha1 numkeys key… arg…`; rejects with a `NOSCRIPT` error when the script is unknown. */
  evalsha(sha1: string, numkeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
  /** `EVAL script numkeys key… arg…`, which also caches the script on the server. */
  eval(script: string, numkeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
}
