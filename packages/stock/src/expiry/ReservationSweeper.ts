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
 * import assert from 'node:assert/strict';
 * import { migrateStock, ReservationSweeper, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * let now = Date.parse('2025-11-11T00:00:00Z'); // a clock the example can move
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db, reservationTtlMs: 15 * 60_000, now: () => now });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 5, receiptNo: 'GRN-1' });
 * await stock.deduct({ orderNo: 'SO-1', lines: [{ sku: 'phone-128', quantity: 2 }] }); // never paid
 * now += 15 * 60_000; // its 15 minutes are up
 *
 * const sweeper = new ReservationSweeper(stock, { intervalMs: 2000 });
 * const expired = new Promise((resolve) => stock.events.on('released', resolve));
 * sweeper.start(); // sweeps at once, then every 2 s
 * assert.deepEqual(await expired, { orderNo: 'SO-1', reason: 'expired' });
 * await sweeper.stop(); // on shutdown: waits for a sweep in progress
 * assert.equal(sweeper.released, 1);
 * assert.equal((await stock.getOrder('SO-1'))?.status, 'expired');
 * assert.equal((await stock.query(['phone-128']))[0]?.sellable, 5);
 * await db.destroy();
 * ```
 *
 * @group Reservations
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
  sweep(): Promise<number> {
    return this.#sweep(() => false);
  }

  /** Batches until one comes back short, or until `halted()` (a stop during a scheduled sweep). */
  async #sweep(halted: () => boolean): Promise<number> {
    let total = 0;
    for (;;) {
      const released = await this.#stock.sweepExpired(this.#batchSize);
      total += released;
      this.#released += released;
      if (released < this.#batchSize || halted()) return total;
    }
  }

  #schedule(delayMs: number): void {
    this.#timer = setTimeout(() => {
      this.#running = this.#sweep(() => this.#stopped);
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
