import type { SyncReport } from './SyncReport.js';

/**
 * Typed events of {@link WarehouseSync}, also on `diagnostics_channel` as `mallkit:sync:warehouse:<name>`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { WarehouseSync } from '@mallkit/sync';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 *
 * const sync = new WarehouseSync({
 *   inventory: stock,
 *   system: {
 *     async *fetchAll() { throw new Error('WMS unreachable'); },
 *     fetchChanges: async () => ({ counts: [], cursor: 'c-1' }),
 *     fetchCounts: async (skus) => skus.map((sku) => ({ sku, warehouse: 'sh-1', physical: 4 })),
 *   },
 * });
 * const log: string[] = [];
 * sync.events.on('synced', ({ report }) => log.push(`${report.kind}: ${report.changed.length} changed`));
 * sync.events.on('failed', ({ kind, error }) => log.push(`${kind} failed: ${String(error)}`));
 * await sync.syncSkus(['phone-128']);
 * await assert.rejects(sync.fullSync(), { code: 'SOURCE_UNAVAILABLE' });
 * assert.deepEqual(log, ['skus: 1 changed', 'full failed: Error: WMS unreachable']);
 * await db.destroy();
 * ```
 *
 * @group Warehouse sync
 */
export interface WarehouseSyncEvents {
  /** A sync finished. */
  synced: {
    /** What it did. */
    report: SyncReport;
  };
  /** A sync failed as a whole (the warehouse system or the inventory was unreachable). */
  failed: {
    /** Which sync. */
    kind: SyncReport['kind'];
    /** The error. */
    error: unknown;
  };
}
