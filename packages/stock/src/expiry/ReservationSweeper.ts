import type { StockService } from '../service/StockService.js';
import type { ReservationSweeperOptions } from './ReservationSweeperOptions.js';

/**
 * Releases unpaid reservations whose time ran out, every `intervalMs`, on as
 * many nodes as you like: each release is a compare-and-set and MySQL sweepers
 * skip rows another one holds, so none is released twice. Its timer does not
 * keep the process alive.
 *
 * @example
 * ```ts
 * import { ReservationSweeper, type StockService } from '@mallkit/stock';
 *
 * declare const stock: StockService;
 * const sweeper = new ReservationSweeper(stock, { intervalMs: 2000 });
 * sweeper.start();
 * // on shutdown:
 * await sweeper.stop();
 * ```
 */
export class ReservationSweeper {
  readonly #stock: StockService;
  readonly #intervalMs: number;
  readonly #batchSize: number;
  readonly #onError: (error: unknown) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<number> | undefined;
  #stopped = true;
  #released = 0;

  constructor(stock: StockService, options: ReservationSweeperOptions = {}) {
    this.#stock = stock;
    this.#intervalMs = options.intervalMs ?? 5000;
    this.#batchSize = options.batchSize ?? 100;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Reservations this sweeper has released. */
  get released(): number {
    return this.#released;
  }

  /** Starts sweeping: at once, then every `intervalMs`. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops, waiting for a sweep in progress to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  /** One sweep: batches until a batch comes back short. Returns how many were released. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const released = await this.#stock.sweepExpired(this.#batchSize);
      total += released;
      this.#released += released;
      if (released < this.#batchSize || this.#stopped) return total;
    }
  }

  #schedule(delayMs: number): void {
    this.#timer = setTimeout(() => {
      this.#running = this.sweep();
      this.#running
        .catch((error: unknown) => this.#onError(error))
        .finally(() => {
          this.#running = undefined;
          if (!this.#stopped) this.#schedule(this.#intervalMs);
        });
    }, delayMs);
    this.#timer.unref();
  }
}
