/**
 * The part of a Redis connection in subscriber mode that {@link RedisSwitchBus} uses;
 * an ioredis `Redis` (or `Cluster`) satisfies it. It emits `ready` whenever it
 * (re)connects, and `message` for every message on a subscribed channel.
 */
export interface SwitchSubscriberConnection {
  /** Subscribes to `channel`. */
  subscribe(channel: string): Promise<unknown>;
  /** Unsubscribes from `channel`. */
  unsubscribe(channel: string): Promise<unknown>;
  /** Adds a listener for messages. */
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  /** Adds a listener for (re)connections. */
  on(event: 'ready', listener: () => void): unknown;
  /** Removes a listener for messages. */
  off(event: 'message', listener: (channel: string, message: string) => void): unknown;
  /** Removes a listener for (re)connections. */
  off(event: 'ready', listener: () => void): unknown;
  /** Closes the connection at once. */
  disconnect(): void;
}
