import type { BusMessage } from './BusMessage.js';
import { BusSubscribers } from './BusSubscribers.js';
import type { BusSubscription, CacheBus } from './CacheBus.js';

/**
 * A {@link CacheBus} inside one process: caches sharing an instance see each other's
 * invalidations, as nodes do over Redis. For the embedded mode and tests.
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
