/**
 * The part of a Redis client a {@link DistributedRateLimiter} uses: running a Lua script
 * by its SHA1, and by its text when the server does not know it yet. An ioredis `Redis`
 * or `Cluster` satisfies it as is; so can a thin wrapper around another client. The
 * limiter never connects, configures or closes the client.
 */
export interface RedisScriptClient {
  /** `EVALSHA sha1 numkeys key… arg…`; rejects with a `NOSCRIPT` error when the script is unknown. */
  evalsha(sha1: string, numkeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
  /** `EVAL script numkeys key… arg…`, which also caches the script on the server. */
  eval(script: string, numkeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
}
