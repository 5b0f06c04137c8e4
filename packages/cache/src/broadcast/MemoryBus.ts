import type { BusMessage } from './BusMessage.js';
import type { BusSubscription, CacheBus } from './CacheBus.js';

/**
 * A {@link CacheBus} inside one process: caches sharing an instance see each other's
 * invalidations, as nodes do over Redis. For the embedded mode and tests.
 */
export class MemoryBus implements CacheBus {
  readonly #listeners = new Set<(message: BusMessage) => void>();
  readonly #resets = new Set<() => void>();

  async publish(message: BusMessage): Promise<void> {
    const copy = structuredClone(message);
    queueMicrotask(() => {
      for (const listener of this.#listeners) listener(copy);
    });
  }

  async subscribe(
    listener: (message: BusMessage) => void,
    onReset: () => void,
  ): Promise<BusSubscription> {
    this.#listeners.add(listener);
    this.#resets.add(onReset);
    return async () => {
      this.#listeners.delete(listener);
      this.#resets.delete(onReset);
    };
  }

  /** Tells every subscriber that messages may have been lost, as a reconnect would. */
  reset(): void {
    for (const onReset of this.#resets) onReset();
  }
}
