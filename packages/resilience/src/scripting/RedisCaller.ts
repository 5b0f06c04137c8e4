/**
 * The one call a {@link LuaScript} needs: a generic Redis command. An ioredis
 * `Redis` or `Cluster` fits as it is (`call(command, ...args)`).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { LuaScript, type RedisCaller } from '@mallkit/resilience';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * // A caller that records the commands sent, around an ioredis client.
 * const sent: string[] = [];
 * const caller: RedisCaller = {
 *   call: (command, ...args) => {
 *     sent.push(command);
 *     return redis.call(command, ...args);
 *   },
 * };
 * // A script the server has not seen yet.
 * const echo = new LuaScript(`-- doc:RedisCaller ${randomUUID()}\nreturn ARGV[1]`);
 * assert.equal(await echo.run(caller, [], ['first']), 'first');
 * assert.equal(await echo.run(caller, [], ['second']), 'second');
 * assert.deepEqual(sent, ['evalsha', 'eval', 'evalsha']); // sent in full once, on NOSCRIPT
 * await redis.quit();
 * ```
 *
 * @group Redis scripting
 */
export interface RedisCaller {
  /** Sends `command` with `args`; resolves to the reply. */
  call(command: string, ...args: Array<string | number>): Promise<unknown>;
}
