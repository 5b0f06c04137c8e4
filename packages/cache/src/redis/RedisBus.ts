import type { BusMessage } from '../broadcast/BusMessage.js';
import { BusSubscribers } from '../broadcast/BusSubscribers.js';
import type { BusSubscription, CacheBus } from '../broadcast/CacheBus.js';
import type { RedisClient } from './RedisClient.js';

/** Settings of a {@link RedisBus}. */
export interface RedisBusOptions {
  /**
   * The pub/sub channel every cache of the application shares (messages carry their
   * namespace).
   * @default 'mallkit:cache:bus'
   */
  channel?: string;
  /**
   * A connection for subscribing (a subscribed connection can send nothing else). It
   * stays yours: {@link RedisBus.close} leaves it open.
   * @default `redis.duplicate()`, closed by {@link RedisBus.close}
   */
  subscriber?: RedisClient;
}

/**
 * Carries cache invalidations between app nodes over Redis pub/sub. On a Cluster,
 * PUBLISH reaches subscribers on every node. When the subscriber reconnects, every
 * cache on this bus is told to drop its L1, since messages may have been lost
 * meanwhile; lost messages without a reconnect are caught by the sequence numbers
 * and heartbeats of the caches themselves.
 */
export class RedisBus implements CacheBus {
  readonly #redis: RedisClient;
  readonly #channel: string;
  readonly #ownSubscriber: boolean;
  readonly #subscriber: RedisClient;
  readonly #subscribers = new BusSubscribers();
  #subscribed: Promise<void> | undefined;
  #connectedOnce = false;

  /**
   * @param redis - your ioredis `Redis` or `Cluster`, used to publish
   * @param options - see {@link RedisBusOptions}
   */
  constructor(redis: RedisClient, options: RedisBusOptions = {}) {
    this.#redis = redis;
    this.#channel = options.channel ?? 'mallkit:cache:bus';
    this.#ownSubscriber = options.subscriber === undefined;
    this.#subscriber = options.subscriber ?? (redis.duplicate as () => RedisClient).call(redis);
    if (options.subscriber === undefined) {
      // A connection made here: its failures surface as failed commands; without a listener,
      // ioredis would print them itself.
      (this.#subscriber as { on?: (event: 'error', listener: () => void) => unknown }).on?.(
        'error',
        () => undefined,
      );
    }
  }

  async publish(message: BusMessage): Promise<void> {
    await this.#redis.publish(this.#channel, JSON.stringify(message));
  }

  async subscribe(
    listener: (message: BusMessage) => void,
    onReset: () => void,
  ): Promise<BusSubscription> {
    const unsubscribe = this.#subscribers.add(listener, onReset);
    this.#subscribed ??= this.#start();
    await this.#subscribed;
    return unsubscribe;
  }

  /** Unsubscribes; closes the subscriber connection if the bus created it. */
  async close(): Promise<void> {
    this.#subscriber.off('message', this.#onMessage);
    this.#subscriber.off('ready', this.#onReady);
    if (this.#ownSubscriber) this.#subscriber.disconnect();
    else if (this.#subscribed) await this.#subscriber.unsubscribe(this.#channel);
  }

  async #start(): Promise<void> {
    this.#subscriber.on('message', this.#onMessage);
    this.#subscriber.on('ready', this.#onReady);
    await this.#subscriber.subscribe(this.#channel);
    this.#connectedOnce = true;
  }

  readonly #onReady = (): void => {
    if (!this.#connectedOnce) return;
    this.#subscribers.reset();
  };

  readonly #onMessage = (channel: string, text: string): void => {
    if (channel !== this.#channel) return;
    let message: BusMessage;
    try {
      message = JSON.parse(text) as BusMessage;
    } catch {
      return; // not ours
    }
    if (typeof message?.namespace !== 'string' || !Array.isArray(message.keys)) return;
    this.#subscribers.deliver(message);
  };
}
