/**
 * Units of one SKU in one warehouse set aside for a flash-sale activity.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ActivityAllocation, migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 20, receiptNo: 'GRN-1' });
 *
 * const d11: ActivityAllocation = {
 *   activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 5, // strategy: 'sql'
 * };
 * await stock.allocateActivity(d11);
 * await stock.allocateActivity(d11); // retried: set aside once
 * const [view] = await stock.query(['tv-55']);
 * assert.deepEqual([view?.activity, view?.sellable], [5, 15]);
 *
 * // lines naming the activity are served from its units only
 * await stock.deduct({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 2, activityId: 'D11' }] });
 * assert.equal(await stock.endActivity('D11'), 3); // the unsold units go back to sellable
 * await db.destroy();
 * ```
 *
 * @group Activities
 */
export interface ActivityAllocation {
  /** The flash-sale activity. */
  activityId: string;
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units taken from sellable stock into the activity. */
  quantity: number;
  /**
   * Where buyers are admitted: `'sql'` deducts in the database per order;
   * `'redis'` admits them with a Lua script on Redis (see `@mallkit/stock/redis`)
   * and writes the orders to the database behind it.
   * @default 'sql'
   */
  strategy?: 'sql' | 'redis';
}
