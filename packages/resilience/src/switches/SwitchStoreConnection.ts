import type { SwitchSubscriberConnection } from './SwitchSubscriberConnection.js';

/**
 * The part of a Redis client that {@link RedisSwitchBus} uses to store and broadcast
 * switch states; an ioredis `Redis` (or `Cluster`) satisfies it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { RedisSwitchBus, SwitchBoard, type SwitchStoreConnection } from '@mallkit/resilience';
 * import { Cluster } from 'ioredis';
 *
 * const cluster = new Cluster((process.env['REDIS_CLUSTER'] ?? '127.0.0.1:7000').split(','));
 * const key = 'doc:SwitchStoreConnection';
 * await cluster.del(key); // start clean
 * const store: SwitchStoreConnection = cluster; // an ioredis Cluster (or Redis) as it is
 * const bus = new RedisSwitchBus(store, { key }); // subscribes on store.duplicate()
 * const board = new SwitchBoard({ name: key, switches: { 'search.simple': false }, bus });
 * await board.ready();
 * await board.set('search.simple', true);
 * assert.deepEqual(Object.keys(await store.hgetall(key)), ['search.simple']);
 * board.close();
 * await bus.close();
 * await cluster.del(key);
 * cluster.disconnect();
 * ```
 *
 * @group Degradation switches
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
