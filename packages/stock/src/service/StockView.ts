/**
 * Stock of one SKU in one warehouse (its shards summed).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService, type WarehouseStock } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineSku({ sku: 'tv-55', shards: 2 });
 * for (const code of ['gz-1', 'sh-1']) {
 *   await stock.defineWarehouse({ code });
 *   await stock.restock({ sku: 'tv-55', warehouse: code, quantity: 2, receiptNo: `GRN-${code}` });
 * }
 * await stock.deduct({ orderNo: 'SO-1', lines: [{ sku: 'tv-55', quantity: 2, warehouse: 'gz-1' }] });
 *
 * // a product page: "available in" the warehouses that can still sell it
 * const [view] = await stock.query(['tv-55']);
 * const gz: WarehouseStock | undefined = view?.warehouses[0];
 * assert.deepEqual(gz, {
 *   warehouse: 'gz-1', physical: 2, reserved: 2, safety: 0, activity: 0, sellable: 0,
 * });
 * const available = view?.warehouses.filter((w) => w.sellable > 0).map((w) => w.warehouse);
 * assert.deepEqual(available, ['sh-1']);
 * await db.destroy();
 * ```
 *
 * @group Stock service
 */
export interface WarehouseStock {
  /** Warehouse code. */
  warehouse: string;
  /** Units on hand. */
  physical: number;
  /** Units reserved for unconfirmed orders. */
  reserved: number;
  /** Units kept back from sale. */
  safety: number;
  /** Units set aside for running activities. */
  activity: number;
  /** `physical - reserved - safety - activity`, never below 0. */
  sellable: number;
}

/**
 * Stock of one SKU over all its warehouses.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService, type StockView } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineSku({ sku: 'tv-55' });
 * for (const code of ['sh-1', 'gz-1']) {
 *   await stock.defineWarehouse({ code });
 *   await stock.restock({ sku: 'tv-55', warehouse: code, quantity: 5, receiptNo: `GRN-${code}` });
 * }
 * await stock.setSafety({ sku: 'tv-55', warehouse: 'gz-1', safety: 1 });
 * await stock.deduct({ orderNo: 'SO-1', lines: [{ sku: 'tv-55', quantity: 2, warehouse: 'sh-1' }] });
 *
 * const [view]: StockView[] = await stock.query(['tv-55']);
 * assert.deepEqual(view, {
 *   sku: 'tv-55', physical: 10, reserved: 2, safety: 1, activity: 0, sellable: 7,
 *   warehouses: [ // in code order
 *     { warehouse: 'gz-1', physical: 5, reserved: 0, safety: 1, activity: 0, sellable: 4 },
 *     { warehouse: 'sh-1', physical: 5, reserved: 2, safety: 0, activity: 0, sellable: 3 },
 *   ],
 * });
 * await assert.rejects(stock.query(['no-such-sku']), { code: 'UNKNOWN_SKU' });
 * await db.destroy();
 * ```
 *
 * @group Stock service
 */
export interface StockView extends Omit<WarehouseStock, 'warehouse'> {
  /** The SKU. */
  sku: string;
  /** Per warehouse, in code order. */
  warehouses: WarehouseStock[];
}
