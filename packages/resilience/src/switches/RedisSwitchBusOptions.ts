import type { SwitchSubscriberConnection } from './SwitchSubscriberConnection.js';

/**
 * Settings of a {@link RedisSwitchBus}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { RedisSwitchBus, type RedisSwitchBusOptions, SwitchBoard } from '@mallkit/resilience';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * await redis.del('doc:RedisSwitchBusOptions'); // start clean
 * const options: RedisSwitchBusOptions = {
 *   key: 'doc:RedisSwitchBusOptions', // the hash
 *   channel: 'doc:RedisSwitchBusOptions:flips',
 *   resyncMs: 60_000,
 *   // no `subscriber`: the bus subscribes on redis.duplicate() and closes it with itself
 * };
 * const bus = new RedisSwitchBus(redis, options);
 * const board = new SwitchBoard({ name: 'doc:RedisSwitchBusOptions', switches: { 'reviews.off': false }, bus });
 * await board.ready();
 * await board.set('reviews.off', true);
 * const stored = await redis.hgetall('doc:RedisSwitchBusOptions');
 * assert.match(stored['reviews.off'] ?? '', /^\d+ 1$/); // "<version> <0|1>"
 * assert.equal(bus.channel, 'doc:RedisSwitchBusOptions:flips');
 * board.close();
 * await bus.close();
 * await redis.del('doc:RedisSwitchBusOptions');
 * await redis.quit();
 * ```
 *
 * @group Degradation switches
 */
export interface RedisSwitchBusOptions {
  /**
   * A connection to subscribe on (it cannot run other commands meanwhile). The bus
   * does not close a connection it is given.
   * @default client.duplicate(), closed by {@link RedisSwitchBus.close}
   */
  subscriber?: SwitchSubscriberConnection;
  /** The Redis hash holding the state of every switch. @default 'mallkit:switches' */
  key?: string;
  /** The pub/sub channel changes are broadcast on. @default the key */
  channel?: string;
  /**
   * How often the whole state is reloaded from the hash anyway, in ms (`0`: never). A
   * safety net for messages lost without a reconnection the bus can see, e.g. while
   * ioredis moves a Cluster subscription to another node.
   * @default 30000
   */
  resyncMs?: number;
}
