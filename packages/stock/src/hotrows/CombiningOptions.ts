/**
 * Options of the combining strategy: concurrent single-line orders of one stock row, in one
 * process, are merged into one transaction with one `UPDATE` of the row.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CombiningOptions, migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const combining: CombiningOptions = { maxBatch: 16 }; // at most 16 orders per transaction
 * const stock = new StockService({ db, strategy: 'combining', combining });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'launch-phone' });
 * await stock.restock({ sku: 'launch-phone', warehouse: 'sh-1', quantity: 30, receiptNo: 'R-1' });
 *
 * const orders = Array.from({ length: 40 }, (_, i) =>
 *   stock.deduct({ orderNo: `SO-${i}`, lines: [{ sku: 'launch-phone', quantity: 1 }] }),
 * );
 * const results = await Promise.allSettled(orders);
 * const sold = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.strategy] : []));
 * assert.deepEqual(sold, Array(30).fill('combining')); // never more than the stock
 * const [row] = await db.selectFrom('stock_level').select(['reserved', 'version']).execute();
 * assert.equal(Number(row?.reserved), 30);
 * assert.ok(Number(row?.version) < 30); // far fewer row updates than orders
 * await db.destroy();
 * ```
 *
 * @group Deduction strategies
 */
export interface CombiningOptions {
  /**
   * Most orders merged into one transaction.
   * @default 128
   */
  maxBatch?: number;
}
