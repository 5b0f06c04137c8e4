import type { BusMessage } from './BusMessage.js';
import { BusSubscribers } from './BusSubscribers.js';
import type { BusSubscription, CacheBus } from './CacheBus.js';

/**
 * A {@link CacheBus} inside one process: caches sharing an instance see each other's
 * invalidations, as nodes do over Redis. For the embedded mode and tests.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, MemoryBus } from '@mallkit/cache';
 *
 * const bus = new MemoryBus(); // two caches in one process, as two app nodes over Redis
 * const a = createCache<string>({ namespace: 'doc:MemoryBus', broadcast: { bus } });
 * const b = createCache<string>({ namespace: 'doc:MemoryBus', broadcast: { bus } });
 * await Promise.all([a.ready(), b.ready()]);
 * await b.get('banner', async () => 'spring sale'); // now in b's L1
 *
 * const heard = new Promise((resolve) => b.events.on('invalidate', resolve));
 * await a.invalidate('banner');
 * assert.deepEqual(await heard, {
 *   namespace: 'doc:MemoryBus',
 *   keys: ['banner'],
 *   origin: 'remote',
 * });
 * assert.equal(b.stats().l1Entries, 0);
 *
 * // reset() plays a reconnect: messages may have been lost, so every L1 is dropped.
 * const cleared = new Promise((resolve) => b.events.on('l1.clear', resolve));
 * bus.reset();
 * assert.deepEqual(await cleared, { namespace: 'doc:MemoryBus', reason: 'reset' });
 *
 * await a.close();
 * await b.close();
 * ```
 *
 * @group Broadcast
 */
export class MemoryBus implements CacheBus {
  readonly #subscribers = new BusSubscribers();

  async publish(message: BusMessage): Promise<void> {
    const copy = structuredClone(message);
    queueMicrotask(() => this.#subscribers.deliver(copy));
  }

  async subscribe(
    listener: (message: BusMessage) => void,
    onReset: () => void,
  ): Promise<BusSubscription> {
    return this.#subscribers.add(listener, onReset);
  }

  /** Tells every subscriber that messages may have been lost, as a reconnect would. */
  reset(): void {
    this.#subscribers.reset();
  }
}
