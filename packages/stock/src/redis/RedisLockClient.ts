/**
 * The two Redis calls {@link RedisLockProvider} makes. An ioredis `Redis` or
 * `Cluster` fits as it is; so does any client with the same `evalsha` and `eval`.
 * On a Cluster, a call is routed by its first key.
 */
export interface RedisLockClient {
  /** Runs a script the server has cached under `sha1`; rejects with `NOSCRIPT` when it has not. */
  evalsha(sha1: string, numkeys: number, ...keysAndArgs: Array<string | number>): Promise<unknown>;
  /** Runs `script`, and caches it on the server for later `evalsha` calls. */
  eval(script: string, numkeys: number, ...keysAndArgs: Array<string | number>): Promise<unknown>;
}
