/**
 * Physical stock of one SKU in one warehouse, as the warehouse system reports it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { type WarehouseCount, WarehouseSync } from '@mallkit/sync';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineWarehouse({ code: 'bj-2' });
 * await stock.defineSku({ sku: 'phone-128' });
 *
 * // counts a warehouse system pushes (e.g. the body of its webhook), one per SKU and warehouse
 * const pushed: WarehouseCount[] = [
 *   { sku: 'phone-128', warehouse: 'sh-1', physical: 12 },
 *   { sku: 'phone-128', warehouse: 'bj-2', physical: 3 },
 * ];
 * const system = { async *fetchAll() {}, fetchChanges: async () => ({ counts: [], cursor: '' }), fetchCounts: async () => [] };
 * const report = await new WarehouseSync({ system, inventory: stock }).receive(pushed);
 * assert.equal(report.kind, 'push');
 * const [view] = await stock.query(['phone-128']);
 * assert.deepEqual(view?.warehouses.map((w) => [w.warehouse, w.physical]).sort(), [['bj-2', 3], ['sh-1', 12]]);
 * await db.destroy();
 * ```
 *
 * @group Warehouse sync
 */
export interface WarehouseCount {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units on hand and available to promise. */
  physical: number;
}
