import { InvalidOptionError } from '../errors/InvalidOptionError.js';
import { requireNumber } from '../options/requireNumber.js';
import type { RedisSwitchBusOptions } from './RedisSwitchBusOptions.js';
import { requireSwitchName } from './requireSwitchName.js';
import type { SwitchBus } from './SwitchBus.js';
import type { SwitchStoreConnection } from './SwitchStoreConnection.js';
import type { SwitchSubscriberConnection } from './SwitchSubscriberConnection.js';
import type { SwitchUpdate } from './SwitchUpdate.js';

/**
 * Stores one switch and broadcasts the change, atomically. The version is the server's
 * time in microseconds (so it keeps growing if the hash is lost with a restart), and
 * always above the switch's stored version. Field value: "<version> <0|1>"; message:
 * "<version> <0|1> <name>".
 * KEYS[1] hash; ARGV[1] name, ARGV[2] '0' | '1', ARGV[3] channel.
 */
const SET_SCRIPT = `
local time = redis.call('TIME')
local version = tonumber(time[1]) * 1000000 + tonumber(time[2])
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if stored then
  local previous = tonumber(string.match(stored, '^(%d+) '))
  if previous and previous >= version then version = previous + 1 end
end
local v = string.format('%.0f', version)
redis.call('HSET', KEYS[1], ARGV[1], v .. ' ' .. ARGV[2])
redis.call('PUBLISH', ARGV[3], v .. ' ' .. ARGV[2] .. ' ' .. ARGV[1])
return v
`;

const stateFormat = /^(\d+) ([01])$/;
const messageFormat = /^(\d+) ([01]) (\S+)$/;

/**
 * A {@link SwitchBus} on Redis: switch states live in a hash (`key`), so a node that
 * starts late or reconnects loads the current state; changes are broadcast on a pub/sub
 * channel, so every node applies them at once. Each change is written and published by
 * one Lua script, with a version that orders concurrent flips. After the subscriber
 * reconnects, the bus subscribes again and reloads the hash, so flips published while
 * it was away are not lost; it also reloads every `resyncMs` in case a message was lost
 * unseen.
 *
 * Give it your client (it is not closed) and, optionally, a connection to subscribe on;
 * without one it subscribes on `client.duplicate()` and closes that in
 * {@link RedisSwitchBus.close}. With Redis Cluster, pass `Cluster` clients. Keep the
 * hash persistent (AOF or RDB): a Redis that restarts empty forgets the flips, and
 * boards that start afterwards see the defaults.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { RedisSwitchBus, SwitchBoard, type SwitchChangedEvent } from '@mallkit/resilience';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const subscriber = redis.duplicate(); // or leave it out: the bus then duplicates and closes one
 * await redis.del('doc:RedisSwitchBus'); // start clean
 * const bus = new RedisSwitchBus(redis, { key: 'doc:RedisSwitchBus', subscriber });
 * const switches = new SwitchBoard({ name: 'doc:RedisSwitchBus', switches: { 'search.off': false }, bus });
 * await switches.ready();
 *
 * // Any node's board.set() (or an admin script) stores and broadcasts a flip:
 * const changed = new Promise<SwitchChangedEvent>((resolve) => switches.events.on('switch.changed', resolve));
 * const version = await bus.publish('search.off', true);
 * assert.deepEqual(await changed, { board: 'doc:RedisSwitchBus', name: 'search.off', on: true, source: 'remote' });
 * assert.deepEqual(await bus.load(), [{ name: 'search.off', on: true, version }]); // kept in the hash
 * // on shutdown
 * switches.close();
 * await bus.close();
 * subscriber.disconnect();
 * await redis.del('doc:RedisSwitchBus');
 * await redis.quit();
 * ```
 *
 * @group Degradation switches
 */
export class RedisSwitchBus implements SwitchBus {
  /** The hash holding every switch's state. */
  readonly key: string;
  /** The channel changes are broadcast on. */
  readonly channel: string;
  readonly #client: SwitchStoreConnection;
  readonly #subscriber: SwitchSubscriberConnection;
  readonly #ownsSubscriber: boolean;
  readonly #listeners = new Set<(update: SwitchUpdate) => void>();
  readonly #resyncMs: number;
  #resyncTimer: NodeJS.Timeout | undefined;
  #reloading = false;
  #reloadAgain = false;
  #closed = false;

  /**
   * @param client - runs the commands; not closed by the bus
   * @param options - see {@link RedisSwitchBusOptions}
   */
  constructor(client: SwitchStoreConnection, options: RedisSwitchBusOptions = {}) {
    if (
      typeof client !== 'object' ||
      client === null ||
      typeof client.eval !== 'function' ||
      typeof client.hgetall !== 'function'
    ) {
      throw new InvalidOptionError('redisSwitchBus.client', 'a Redis client', client);
    }
    this.#client = client;
    this.key = requireText('redisSwitchBus.key', options.key ?? 'mallkit:switches');
    this.channel = requireText('redisSwitchBus.channel', options.channel ?? this.key);
    this.#resyncMs = requireNumber('redisSwitchBus.resyncMs', options.resyncMs ?? 30_000, {
      min: 0,
    });
    if (options.subscriber !== undefined) {
      if (typeof options.subscriber?.subscribe !== 'function') {
        throw new InvalidOptionError(
          'redisSwitchBus.subscriber',
          'a Redis connection',
          options.subscriber,
        );
      }
      this.#subscriber = options.subscriber;
      this.#ownsSubscriber = false;
    } else if (typeof client.duplicate === 'function') {
      this.#subscriber = client.duplicate();
      // A connection made here: its failures surface as failed commands; without a listener,
      // ioredis would print them itself.
      (
        this.#subscriber as unknown as { on?: (event: 'error', listener: () => void) => unknown }
      ).on?.('error', () => undefined);
      this.#ownsSubscriber = true;
    } else {
      throw new InvalidOptionError(
        'redisSwitchBus.subscriber',
        'given when the client has no duplicate()',
        undefined,
      );
    }
    this.#subscriber.on('message', this.#onMessage);
    this.#subscriber.on('ready', this.#onReady);
  }

  async attach(listener: (update: SwitchUpdate) => void): Promise<void> {
    if (this.#closed) throw new Error('RedisSwitchBus: attach() after close()');
    this.#listeners.add(listener);
    if (this.#resyncMs > 0 && this.#resyncTimer === undefined) {
      this.#resyncTimer = setInterval(this.#reload, this.#resyncMs);
      this.#resyncTimer.unref();
    }
    await this.#subscriber.subscribe(this.channel);
    const updates = await this.load();
    if (this.#listeners.has(listener)) deliver(updates, [listener]);
  }

  detach(listener: (update: SwitchUpdate) => void): void {
    this.#listeners.delete(listener);
  }

  /** Reads the stored state of every switch. Malformed fields are skipped. */
  async load(): Promise<SwitchUpdate[]> {
    const hash = await this.#client.hgetall(this.key);
    const updates: SwitchUpdate[] = [];
    for (const [name, value] of Object.entries(hash)) {
      const match = stateFormat.exec(value);
      if (match) updates.push({ name, on: match[2] === '1', version: Number(match[1]) });
    }
    return updates;
  }

  async publish(name: string, on: boolean): Promise<number> {
    requireSwitchName('name', name);
    const version = await this.#client.eval(
      SET_SCRIPT,
      1,
      this.key,
      name,
      on ? '1' : '0',
      this.channel,
    );
    return Number(version);
  }

  /**
   * Stops delivering updates and unsubscribes; closes the subscriber connection if the
   * bus created it. Boards attached to it keep their last state.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#resyncTimer);
    this.#listeners.clear();
    this.#subscriber.off('message', this.#onMessage);
    this.#subscriber.off('ready', this.#onReady);
    if (this.#ownsSubscriber) this.#subscriber.disconnect();
    else await this.#subscriber.unsubscribe(this.channel).catch(() => {});
  }

  readonly #onMessage = (channel: string, message: string): void => {
    if (channel !== this.channel) return;
    const match = messageFormat.exec(message);
    if (!match) return;
    const update = { name: match[3] ?? '', on: match[2] === '1', version: Number(match[1]) };
    deliver([update], this.#listeners);
  };

  /** (Re)connected: flips published while away were missed, so subscribe and reload. */
  readonly #onReady = (): void => {
    if (this.#closed || this.#listeners.size === 0) return;
    this.#subscriber.subscribe(this.channel).then(this.#reload, () => {
      // The connection dropped again; the next 'ready' retries.
    });
  };

  /**
   * Delivers the stored state to every listener. One reload at a time; one asked for
   * meanwhile runs after it, since it may have read the hash too early.
   */
  readonly #reload = (): void => {
    if (this.#closed || this.#listeners.size === 0) return;
    if (this.#reloading) {
      this.#reloadAgain = true;
      return;
    }
    this.#reloading = true;
    this.load()
      .then((updates) => {
        if (!this.#closed) deliver(updates, this.#listeners);
      })
      .catch(() => {
        // Redis is unreachable: the next reconnection or resync tries again.
      })
      .finally(() => {
        this.#reloading = false;
        if (this.#reloadAgain) {
          this.#reloadAgain = false;
          this.#reload();
        }
      });
  };
}

function requireText(option: string, value: unknown): string {
  if (typeof value === 'string' && value.length > 0 && value.length <= 512) return value;
  throw new InvalidOptionError(option, 'a non-empty string of at most 512 characters', value);
}

/**
 * Gives every update to every listener. A listener that throws does not stop the others
 * nor the Redis connection's reader: its error is rethrown asynchronously.
 */
function deliver(
  updates: readonly SwitchUpdate[],
  listeners: Iterable<(update: SwitchUpdate) => void>,
): void {
  for (const listener of listeners) {
    for (const update of updates) {
      try {
        listener(update);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
