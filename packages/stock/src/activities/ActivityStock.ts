/**
 * One SKU-warehouse row of a flash-sale activity, as stored.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ActivityStock, migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 20, receiptNo: 'GRN-1' });
 * await stock.allocateActivity({ activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 5 });
 * await stock.deduct({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 2, activityId: 'D11' }] });
 *
 * const rows: ActivityStock[] = await stock.getActivity('D11');
 * assert.deepEqual(rows, [
 *   {
 *     activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1',
 *     allocated: 5, sold: 2, status: 'active', strategy: 'sql',
 *   },
 * ]);
 * await stock.endActivity('D11');
 * assert.equal((await stock.getActivity('D11'))[0]?.status, 'ended');
 * assert.deepEqual(await stock.getActivity('no-such-activity'), []);
 * await db.destroy();
 * ```
 *
 * @group Activities
 */
export interface ActivityStock {
  /** The flash-sale activity. */
  activityId: string;
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units set aside when the activity started. */
  allocated: number;
  /** Units sold from it (reserved or confirmed; released units come back). */
  sold: number;
  /** Where it stands. */
  status: 'active' | 'ended';
  /** Deduction strategy that applied it. */
  strategy: 'sql' | 'redis';
}
