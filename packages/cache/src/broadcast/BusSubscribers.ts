import type { BusMessage } from './BusMessage.js';
import type { BusSubscription } from './CacheBus.js';

/**
 * The caches subscribed to one {@link CacheBus}: their message listeners and their
 * reset callbacks. Every bus adapter delivers through one of these.
 */
export class BusSubscribers {
  readonly #listeners = new Set<(message: BusMessage) => void>();
  readonly #resets = new Set<() => void>();

  /** Adds a subscriber; the returned function removes it. */
  add(listener: (message: BusMessage) => void, onReset: () => void): BusSubscription {
    this.#listeners.add(listener);
    this.#resets.add(onReset);
    return async () => {
      this.#listeners.delete(listener);
      this.#resets.delete(onReset);
    };
  }

  /** Hands `message` to every subscriber. */
  deliver(message: BusMessage): void {
    for (const listener of this.#listeners) listener(message);
  }

  /** Tells every subscriber that messages may have been lost. */
  reset(): void {
    for (const onReset of this.#resets) onReset();
  }
}
