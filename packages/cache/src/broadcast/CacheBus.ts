import type { BusMessage } from './BusMessage.js';

/**
 * Stops a subscription made with {@link CacheBus.subscribe}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type BusSubscription, createCache, MemoryBus } from '@mallkit/cache';
 *
 * const bus = new MemoryBus();
 * const heard: string[][] = [];
 * const stop: BusSubscription = await bus.subscribe(
 *   (message) => message.type === 'invalidate' && heard.push(message.keys),
 *   () => {},
 * );
 * const products = createCache<number>({ namespace: 'doc:BusSubscription', broadcast: { bus } });
 * await products.ready();
 *
 * await products.invalidate('sku-1');
 * await stop(); // no more messages for this listener
 * await products.invalidate('sku-2');
 * assert.deepEqual(heard, [['sku-1']]);
 * await products.close(); // a cache stops its own subscription on close
 * ```
 *
 * @group Broadcast
 */
export type BusSubscription = () => Promise<void>;

/**
 * How cache instances on different app nodes reach each other: Redis pub/sub through
 * `RedisBus` from `@mallkit/cache/redis`, or {@link MemoryBus} in one process.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { EventEmitter } from 'node:events';
 * import { type BusMessage, type CacheBus, createCache } from '@mallkit/cache';
 *
 * // A bus over an EventEmitter: the shape of an adapter to your own messaging.
 * class EmitterBus implements CacheBus {
 *   readonly #emitter = new EventEmitter();
 *   async publish(message: BusMessage) {
 *     this.#emitter.emit('message', structuredClone(message)); // to all, the sender included
 *   }
 *   async subscribe(listener: (message: BusMessage) => void, onReset: () => void) {
 *     this.#emitter.on('message', listener);
 *     this.#emitter.on('reset', onReset); // emit 'reset' when messages may have been lost
 *     return async () => {
 *       this.#emitter.off('message', listener);
 *       this.#emitter.off('reset', onReset);
 *     };
 *   }
 * }
 * const bus = new EmitterBus();
 * const a = createCache<string>({ namespace: 'doc:CacheBus', broadcast: { bus } });
 * const b = createCache<string>({ namespace: 'doc:CacheBus', broadcast: { bus } });
 * await Promise.all([a.ready(), b.ready()]);
 * await b.get('banner', async () => 'spring sale');
 * await a.invalidate('banner'); // b drops its L1 copy
 * assert.equal(await b.get('banner', async () => 'summer sale'), 'summer sale');
 * await a.close();
 * await b.close();
 * ```
 *
 * @group Broadcast
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
