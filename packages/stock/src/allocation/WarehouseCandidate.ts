/**
 * A warehouse that holds a SKU, as the allocator sees it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { allocateOrder, migrateStock, StockService } from '@mallkit/stock';
 * import type { WarehouseCandidate, WarehouseSettings } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * const warehouses: WarehouseSettings[] = [
 *   { code: 'sh-1', priority: 1 },
 *   { code: 'gz-1', priority: 2 },
 * ];
 * for (const warehouse of warehouses) await stock.defineWarehouse(warehouse);
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 1, receiptNo: 'GRN-1' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'gz-1', quantity: 5, receiptNo: 'GRN-2' });
 *
 * // a preview for the buyer before the order is placed, planned the way deduct plans
 * const priority = new Map(warehouses.map((w) => [w.code, w.priority ?? 0]));
 * const [view] = await stock.query(['tv-55']);
 * const candidates: WarehouseCandidate[] = (view?.warehouses ?? []).map((w) => ({
 *   warehouse: w.warehouse,
 *   sellable: w.sellable,
 *   priority: priority.get(w.warehouse) ?? 0,
 * }));
 * const order = { orderNo: 'SO-1', lines: [{ sku: 'tv-55', quantity: 3 }] };
 * const preview = allocateOrder(order, new Map([['tv-55', candidates]]));
 * assert.equal(preview.shippingWarehouse, 'gz-1'); // 1 unit from sh-1, 2 from gz-1
 * assert.equal((await stock.deduct(order)).shippingWarehouse, preview.shippingWarehouse);
 * await db.destroy();
 * ```
 *
 * @group Warehouses and allocation
 */
export interface WarehouseCandidate {
  /** The warehouse's code. */
  warehouse: string;
  /** Units of the SKU it can sell now. */
  sellable: number;
  /** Its rank for the `'priority'` strategy: lower goes first. */
  priority: number;
  /** Its region, for the `'nearest'` strategy. */
  region?: string;
}
