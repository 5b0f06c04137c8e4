import { requireNumber } from '../options/requireNumber.js';
import type { BulkheadOptions } from './BulkheadOptions.js';

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * Concurrency slots with a bounded FIFO queue. {@link Bulkhead.tryEnter} is the
 * synchronous fast path; {@link Bulkhead.wait} queues; {@link Bulkhead.leave} hands the
 * slot straight to the next waiter.
 */
export class Bulkhead {
  /** Slots. */
  readonly concurrency: number;
  /** Queue length. */
  readonly queueLimit: number;
  #running = 0;
  readonly #queue: Waiter[] = [];

  /** @param options - see {@link BulkheadOptions} */
  constructor(options: BulkheadOptions = {}) {
    this.concurrency = requireNumber('bulkhead.concurrency', options.concurrency ?? 64, {
      min: 1,
      integer: true,
    });
    this.queueLimit = requireNumber('bulkhead.queue', options.queue ?? 0, {
      min: 0,
      integer: true,
    });
  }

  /** Calls holding a slot. */
  get running(): number {
    return this.#running;
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Takes a slot if one is free. */
  tryEnter(): boolean {
    if (this.#running >= this.concurrency) return false;
    this.#running++;
    return true;
  }

  /** Whether {@link Bulkhead.wait} would queue rather than be refused. */
  canQueue(): boolean {
    return this.#queue.length < this.queueLimit;
  }

  /**
   * Waits for a slot (call only after `tryEnter()` failed and `canQueue()` said yes).
   * Rejects with the signal's reason if `signal` aborts first.
   */
  wait(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal) {
        if (signal.aborted) return reject(signal.reason);
        waiter.onAbort = () => {
          const at = this.#queue.indexOf(waiter);
          if (at >= 0) this.#queue.splice(at, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
    });
  }

  /** Gives a slot back; the first waiter, if any, takes it over. */
  leave(): void {
    const next = this.#queue.shift();
    if (next) {
      if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort);
      next.resolve();
    } else {
      this.#running--;
    }
  }
}
