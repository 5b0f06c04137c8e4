/**
 * The part of a Redis connection in subscriber mode that {@link RedisSwitchBus} uses;
 * an ioredis `Redis` (or `Cluster`) satisfies it. It emits `ready` whenever it
 * (re)connects, and `message` for every message on a subscribed channel.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { RedisSwitchBus, SwitchBoard, type SwitchSubscriberConnection } from '@mallkit/resilience';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const subscriber: SwitchSubscriberConnection = redis.duplicate(); // one subscriber for two buses
 * const shopKey = 'doc:SwitchSubscriberConnection:shop';
 * const adminKey = 'doc:SwitchSubscriberConnection:admin';
 * await redis.del(shopKey, adminKey); // start clean
 * const shopBus = new RedisSwitchBus(redis, { key: shopKey, subscriber });
 * const adminBus = new RedisSwitchBus(redis, { key: adminKey, subscriber });
 * const shop = new SwitchBoard({ name: shopKey, switches: { 'reviews.off': false }, bus: shopBus });
 * const admin = new SwitchBoard({ name: adminKey, switches: { 'reports.off': false }, bus: adminBus });
 * await Promise.all([shop.ready(), admin.ready()]);
 *
 * const flipped = new Promise<boolean>((resolve) => admin.events.on('switch.changed', (e) => resolve(e.on)));
 * await adminBus.publish('reports.off', true); // e.g. from another node
 * assert.equal(await flipped, true);
 * assert.deepEqual(shop.list().map((s) => s.on), [false]); // each bus reads its own channel
 * shop.close();
 * admin.close();
 * await shopBus.close(); // unsubscribes; the connection is still yours
 * await adminBus.close();
 * subscriber.disconnect();
 * await redis.del(shopKey, adminKey);
 * await redis.quit();
 * ```
 *
 * @group Degradation switches
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
