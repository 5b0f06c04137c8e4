/**
 * The one call a {@link LuaScript} needs: a generic Redis command. An ioredis
 * `Redis` or `Cluster` fits as it is (`call(command, ...args)`).
 */
export interface RedisCaller {
  /** Sends `command` with `args`; resolves to the reply. */
  call(command: string, ...args: Array<string | number>): Promise<unknown>;
}
