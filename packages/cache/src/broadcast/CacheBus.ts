import type { BusMessage } from './BusMessage.js';

/** Stops a subscription made with {@link CacheBus.subscribe}. */
export type BusSubscription = () => Promise<void>;

/**
 * How cache instances on different app nodes reach each other: Redis pub/sub through
 * `RedisBus` from `@mallkit/cache/redis`, or {@link MemoryBus} in one process.
 */
export interface CacheBus {
  /** Sends `message` to every subscriber (the sender's own included). */
  publish(message: BusMessage): Promise<void>;
  /**
   * Delivers every message to `listener`. `onReset` is called whenever messages may
   * have been lost (the subscription reconnected): the cache then drops its L1.
   */
  subscribe(listener: (message: BusMessage) => void, onReset: () => void): Promise<BusSubscription>;
}
