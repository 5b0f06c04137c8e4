import type { SwitchSubscriberConnection } from './SwitchSubscriberConnection.js';

/**
 * The part of a Redis client that {@link RedisSwitchBus} uses to store and broadcast
 * switch states; an ioredis `Redis` (or `Cluster`) satisfies it.
 */
export interface SwitchStoreConnection {
  /** Runs a Lua script (`EVAL`). */
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  /** Reads a hash (`HGETALL`). */
  hgetall(key: string): Promise<Record<string, string>>;
  /**
   * A new connection with the same settings, used for subscribing when no subscriber
   * connection is given.
   */
  duplicate?(): SwitchSubscriberConnection;
}
