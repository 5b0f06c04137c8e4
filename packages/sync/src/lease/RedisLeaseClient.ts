/** The one call the Redis lease provider needs; ioredis `Redis` and `Cluster` fit. */
export interface RedisLeaseClient {
  /** Runs a Lua script. */
  eval(script: string, numkeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
}
