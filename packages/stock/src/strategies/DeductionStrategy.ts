import type { RowTaker } from './RowTaker.js';

/**
 * Names of the built-in deduction strategies. The four SQL ones are chosen per SKU
 * (`defineSku`) or for the whole service; `'redis'` is the flash sale of `RedisFlashSale`,
 * chosen per activity (`allocateActivity`).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService, type StrategyName } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db, strategy: 'conditional' }); // for SKUs that name none
 * await stock.defineWarehouse({ code: 'sh-1' });
 * const sql: Exclude<StrategyName, 'redis'>[] = ['conditional', 'optimistic', 'lock', 'combining'];
 * const used: string[] = [];
 * for (const strategy of sql) {
 *   const sku = `tv-${strategy}`;
 *   await stock.defineSku({ sku, strategy });
 *   await stock.restock({ sku, warehouse: 'sh-1', quantity: 5, receiptNo: `GRN-${sku}` });
 *   const outcome = await stock.deduct({ orderNo: `SO-${sku}`, lines: [{ sku, quantity: 1 }] });
 *   used.push(outcome.strategy); // what deducted the order
 * }
 * assert.deepEqual(used, sql);
 * await db.destroy();
 * ```
 *
 * @group Deduction strategies
 */
export type StrategyName = 'conditional' | 'optimistic' | 'lock' | 'combining' | 'redis';

/**
 * A way to deduct stock without overselling. `run` wraps one attempt of an
 * order's transaction with what the strategy needs around it (locks, retries)
 * and hands it the row taker to use inside.
 */
export interface DeductionStrategy {
  readonly name: StrategyName;
  run<T>(skus: readonly string[], attempt: (taker: RowTaker) => Promise<T>): Promise<T>;
}
