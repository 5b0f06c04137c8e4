/**
 * Options of the optimistic-lock strategy (`'optimistic'`): read the row's `version`
 * without a lock, write `WHERE version = v`, run the order again when another writer won.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type OptimisticLockOptions, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const optimistic: OptimisticLockOptions = { maxAttempts: 20, backoffMs: 5 }; // more patience
 * const stock = new StockService({ db, strategy: 'optimistic', optimistic });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 5, receiptNo: 'GRN-1' });
 *
 * const buyers = Array.from({ length: 5 }, (_, i) =>
 *   stock.deduct({ orderNo: `SO-${i}`, lines: [{ sku: 'tv-55', quantity: 1 }] }),
 * );
 * const outcomes = await Promise.all(buyers); // a buyer that lost a race runs again
 * assert.ok(outcomes.every((o) => o.strategy === 'optimistic'));
 * const [row] = await db.selectFrom('stock_level').select(['reserved', 'version']).execute();
 * assert.deepEqual([Number(row?.reserved), Number(row?.version)], [5, 6]); // restock + 5 writes
 * await db.destroy();
 * ```
 *
 * @group Deduction strategies
 */
export interface OptimisticLockOptions {
  /**
   * Attempts of one order before it fails with `CONCURRENCY_CONFLICT`.
   * @default 8
   */
  maxAttempts?: number;
  /**
   * Upper bound of the random pause between attempts, in ms; it doubles each attempt.
   * @default 2
   */
  backoffMs?: number;
}
