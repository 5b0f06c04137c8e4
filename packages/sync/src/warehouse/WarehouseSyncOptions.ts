import type { CheckpointStore } from '../checkpoints/CheckpointStore.js';
import type { InventoryTarget } from './InventoryTarget.js';
import type { WarehouseSystem } from './WarehouseSystem.js';

/**
 * Options of {@link WarehouseSync}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { MemoryCheckpointStore, WarehouseSync, type WarehouseSyncOptions } from '@mallkit/sync';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 *
 * const checkpoints = new MemoryCheckpointStore(); // a MysqlCheckpointStore keeps it across restarts
 * const options: WarehouseSyncOptions = {
 *   system: {
 *     async *fetchAll() {},
 *     fetchChanges: async () => ({ counts: [{ sku: 'phone-128', warehouse: 'sh-1', physical: 3 }], cursor: 'c-7' }),
 *     fetchCounts: async (skus) => skus.map((sku) => ({ sku, warehouse: 'sh-1', physical: 3 })),
 *   },
 *   inventory: stock,
 *   checkpoints,
 *   name: 'wms-east', // the cursor's name: one per warehouse system
 *   now: () => Date.parse('2025-11-11T03:00:00Z'), // report times
 * };
 * const report = await new WarehouseSync(options).syncChanges();
 * assert.equal(report.changed.length, 1);
 * assert.equal(report.startedAt, Date.parse('2025-11-11T03:00:00Z'));
 * assert.equal(await checkpoints.load('wms-east'), 'c-7'); // the next syncChanges continues here
 * await db.destroy();
 * ```
 *
 * @group Warehouse sync
 */
export interface WarehouseSyncOptions {
  /** The warehouse system's adapter. */
  system: WarehouseSystem;
  /** The inventory the counts go to (`StockService` fits). */
  inventory: InventoryTarget;
  /**
   * Keeps the change cursor of `syncChanges` across restarts.
   * @default a MemoryCheckpointStore
   */
  checkpoints?: CheckpointStore;
  /**
   * Name of the cursor in the checkpoint store.
   * @default 'warehouse'
   */
  name?: string;
  /**
   * Wall clock in epoch ms, for report times.
   * @default Date.now
   */
  now?: () => number;
}
