import type { WarehouseCount } from './WarehouseCount.js';

/**
 * A page of changes from the warehouse system and where to continue.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { type WarehouseChanges, type WarehouseCount, WarehouseSync } from '@mallkit/sync';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * for (const sku of ['sku-1', 'sku-2']) await stock.defineSku({ sku });
 *
 * // the WMS's change log; the cursor is how much of it was read
 * const log: WarehouseCount[] = [{ sku: 'sku-1', warehouse: 'sh-1', physical: 5 }];
 * const fetchChanges = async (cursor: string | undefined): Promise<WarehouseChanges> => ({
 *   counts: log.slice(Number(cursor ?? 0)),
 *   cursor: String(log.length),
 * });
 * const sync = new WarehouseSync({
 *   system: { async *fetchAll() {}, fetchChanges, fetchCounts: async (skus) => log.filter((c) => skus.includes(c.sku)) },
 *   inventory: stock,
 * });
 * assert.deepEqual((await sync.syncChanges()).changed.map((c) => c.sku), ['sku-1']);
 * log.push({ sku: 'sku-2', warehouse: 'sh-1', physical: 7 });
 * assert.deepEqual((await sync.syncChanges()).changed.map((c) => c.sku), ['sku-2']); // from the cursor on
 * await db.destroy();
 * ```
 *
 * @group Warehouse sync
 */
export interface WarehouseChanges {
  /** Counts that changed since the cursor given. */
  counts: WarehouseCount[];
  /** Cursor to pass next time. */
  cursor: string;
}

/**
 * The minimal adapter a warehouse or ERP system needs: everything, what
 * changed since a cursor, and the counts of given SKUs. Pushes from the
 * warehouse system go to `WarehouseSync.receive` instead.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { type WarehouseCount, WarehouseSync, type WarehouseSystem } from '@mallkit/sync';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * for (const sku of ['sku-1', 'sku-2', 'sku-3']) await stock.defineSku({ sku });
 *
 * // An adapter of your own for a WMS whose API lists counts by page (here in memory)
 * const wmsCounts: WarehouseCount[] = ['sku-1', 'sku-2', 'sku-3'].map((sku, i) => ({
 *   sku, warehouse: 'sh-1', physical: 10 * (i + 1),
 * }));
 * const wms: WarehouseSystem = {
 *   async *fetchAll() {
 *     for (let page = 0; page * 2 < wmsCounts.length; page++) yield wmsCounts.slice(page * 2, page * 2 + 2);
 *   },
 *   fetchChanges: async (cursor) => ({ counts: [], cursor: cursor ?? '0' }),
 *   fetchCounts: async (skus) => wmsCounts.filter((count) => skus.includes(count.sku)),
 * };
 * const report = await new WarehouseSync({ system: wms, inventory: stock }).fullSync();
 * assert.equal(report.checked, 3);
 * assert.deepEqual(report.changed.map((change) => change.to), [10, 20, 30]);
 * await db.destroy();
 * ```
 *
 * @group Warehouse sync
 */
export interface WarehouseSystem {
  /** Every count, in pages, for a full sync. */
  fetchAll(): AsyncIterable<WarehouseCount[]>;
  /** Counts changed since `cursor` (`undefined`: from the beginning). */
  fetchChanges(cursor: string | undefined): Promise<WarehouseChanges>;
  /** Current counts of these SKUs, for an on-demand sync. */
  fetchCounts(skus: readonly string[]): Promise<WarehouseCount[]>;
}
