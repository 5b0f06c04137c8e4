/**
 * The one Redis call {@link RedisLockProvider} makes. An ioredis `Redis` or
 * `Cluster` fits as it is; so does any client with the same generic `call`.
 * On a Cluster, a script is routed by its first key.
 */
export interface RedisLockClient {
  /** Sends `command` with `args` (here `EVALSHA`, then `EVAL` on `NOSCRIPT`); resolves to the reply. */
  call(command: string, ...args: Array<string | number>): Promise<unknown>;
}
