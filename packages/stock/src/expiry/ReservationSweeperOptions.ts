/**
 * Options of {@link ReservationSweeper}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { isStockError, migrateStock, ReservationSweeper, StockService } from '@mallkit/stock';
 * import type { ReservationSweeperOptions } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * let now = 0;
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db, reservationTtlMs: 60_000, now: () => now });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 9, receiptNo: 'GRN-1' });
 * for (const orderNo of ['SO-1', 'SO-2', 'SO-3'])
 *   await stock.deduct({ orderNo, lines: [{ sku: 'phone-128', quantity: 1 }] });
 * now += 60_000; // none of them was paid in time
 *
 * let report: (error: unknown) => void = () => undefined;
 * const options: ReservationSweeperOptions = {
 *   intervalMs: 1000,
 *   batchSize: 2, // releases per transaction; a full batch is followed at once by the next
 *   onError: (error) => report(error), // to your logs or metrics: the library never logs
 * };
 * const sweeper = new ReservationSweeper(stock, options);
 * const allExpired = new Promise<void>((resolve) => {
 *   let count = 0;
 *   stock.events.on('released', () => {
 *     if (++count === 3) resolve();
 *   });
 * });
 * sweeper.start();
 * await allExpired; // a batch of 2, then at once a batch of 1
 * await sweeper.stop();
 * assert.equal(sweeper.released, 3);
 *
 * // a sweep that fails goes to onError; a running sweeper tries again intervalMs later
 * await db.destroy();
 * const failed = new Promise<unknown>((resolve) => {
 *   report = resolve;
 * });
 * sweeper.start();
 * const error = await failed;
 * await sweeper.stop();
 * assert.ok(isStockError(error));
 * assert.equal(error.code, 'STORE_UNAVAILABLE');
 * ```
 *
 * @group Reservations
 */
export interface ReservationSweeperOptions {
  /**
   * Pause between sweeps, in ms.
   * @default 5000
   */
  intervalMs?: number;
  /**
   * Reservations released per transaction; a full batch is followed at once by the next.
   * @default 100
   */
  batchSize?: number;
  /**
   * Called when a sweep fails (the next one retries); the library never logs.
   * @default ignores the error
   */
  onError?: (error: unknown) => void;
}
