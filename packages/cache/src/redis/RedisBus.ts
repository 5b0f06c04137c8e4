import type { BusMessage } from '../broadcast/BusMessage.js';
import { BusSubscribers } from '../broadcast/BusSubscribers.js';
import type { BusSubscription, CacheBus } from '../broadcast/CacheBus.js';
import type { RedisClient } from './RedisClient.js';

/**
 * Settings of a {@link RedisBus}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type BusMessage, createCache } from '@mallkit/cache';
 * import { RedisBus, type RedisBusOptions } from '@mallkit/cache/redis';
 * import { Redis } from 'ioredis';
 *
 * const url = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
 * const redis = new Redis(url);
 * const subscriber = new Redis(url);
 * const options: RedisBusOptions = { channel: 'doc:RedisBusOptions:bus', subscriber };
 * const bus = new RedisBus(redis, options);
 * const products = createCache<string>({ namespace: 'doc:RedisBusOptions', broadcast: { bus } });
 * await products.ready();
 *
 * const monitor = new Redis(url); // what goes over the channel
 * await monitor.subscribe('doc:RedisBusOptions:bus');
 * const invalidated = new Promise<BusMessage>((resolve) =>
 *   monitor.on('message', (_channel: string, text: string) => {
 *     const message = JSON.parse(text) as BusMessage;
 *     if (message.type === 'invalidate') resolve(message);
 *   }),
 * );
 * await products.invalidate('sku-1');
 * assert.deepEqual((await invalidated).keys, ['sku-1']);
 *
 * await products.close();
 * await bus.close();
 * assert.equal(subscriber.status, 'ready'); // yours: the bus left it open
 * for (const connection of [monitor, subscriber, redis]) connection.disconnect();
 * ```
 *
 * @group Redis
 */
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
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache } from '@mallkit/cache';
 * import { RedisBus, RedisL2 } from '@mallkit/cache/redis';
 * import { Redis } from 'ioredis';
 *
 * // An app node: its own connection, bus and cache.
 * function startNode() {
 *   const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 *   const bus = new RedisBus(redis); // subscribes on a duplicate of `redis`
 *   const l2 = new RedisL2(redis);
 *   const cache = createCache<string>({ namespace: 'doc:RedisBus', l2, broadcast: { bus } });
 *   return { redis, bus, cache };
 * }
 * const a = startNode();
 * const b = startNode();
 * await Promise.all([a.cache.ready(), b.cache.ready()]);
 * await a.redis.unlink('doc:RedisBus:banner'); // start clean
 *
 * await b.cache.get('banner', async () => 'spring sale'); // now in Redis and in b's L1
 * const heard = new Promise((resolve) => b.cache.events.on('invalidate', resolve));
 * await a.cache.invalidate('banner'); // deleted from Redis, published to every node
 * await heard; // b dropped its L1 copy
 * assert.equal(await b.cache.get('banner', async () => 'summer sale'), 'summer sale');
 *
 * for (const node of [a, b]) {
 *   await node.cache.close();
 *   await node.bus.close();
 *   node.redis.disconnect();
 * }
 * ```
 *
 * @group Redis
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
