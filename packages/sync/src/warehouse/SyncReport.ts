/**
 * One count the sync changed.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { type CountChange, WarehouseSync } from '@mallkit/sync';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 *
 * const system = {
 *   async *fetchAll() {},
 *   fetchChanges: async () => ({ counts: [], cursor: '' }),
 *   fetchCounts: async () => [{ sku: 'phone-128', warehouse: 'sh-1', physical: 8 }], // 2 were lost
 * };
 * const sync = new WarehouseSync({ system, inventory: stock });
 * const audit: string[] = []; // e.g. a stock-count adjustment log
 * const record = (change: CountChange) =>
 *   audit.push(`${change.sku}@${change.warehouse}: ${change.from} -> ${change.to}`);
 * (await sync.syncSkus(['phone-128'])).changed.forEach(record);
 * assert.deepEqual(audit, ['phone-128@sh-1: 10 -> 8']);
 * await db.destroy();
 * ```
 *
 * @group Warehouse sync
 */
export interface CountChange {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Physical stock before. */
  from: number;
  /** Physical stock after. */
  to: number;
}

/**
 * One count the sync did not apply, and why.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { type CountRejection, WarehouseSync } from '@mallkit/sync';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 12, receiptNo: 'GRN-1' });
 * await stock.deduct({ orderNo: 'SO-1', lines: [{ sku: 'phone-128', quantity: 2 }] });
 *
 * const sync = new WarehouseSync({
 *   inventory: stock,
 *   system: {
 *     async *fetchAll() {},
 *     fetchChanges: async () => ({ counts: [], cursor: '' }),
 *     fetchCounts: async (skus) => {
 *       // while the WMS answers, the order ships (physical 12 -> 10): its count of 13 is stale
 *       await stock.confirm('SO-1');
 *       return skus.map((sku) => ({ sku, warehouse: 'sh-1', physical: 13 }));
 *     },
 *   },
 * });
 * const { rejected } = await sync.syncSkus(['phone-128', 'watch-4']);
 * const why = (r: CountRejection) => [r.sku, r.retryable];
 * assert.deepEqual(rejected.map(why), [['watch-4', false], ['phone-128', true]]); // unknown SKU; lost race
 * assert.match(rejected[1]?.reason ?? '', /stock moved while syncing/);
 * assert.equal((await stock.query(['phone-128']))[0]?.warehouses[0]?.physical, 10); // not undone
 * await db.destroy();
 * ```
 *
 * @group Warehouse sync
 */
export interface CountRejection {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** The count the warehouse system sent. */
  physical: number;
  /** Why: invalid count, unknown SKU or warehouse, or stock moved while syncing. */
  reason: string;
  /** `true` when stock moved while the sync ran: the next sync applies a fresh count. */
  retryable: boolean;
}

/**
 * What a sync did: a diff, not a blind overwrite.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { type SyncReport, type WarehouseCount, WarehouseSync } from '@mallkit/sync';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * for (const sku of ['phone-128', 'case-128']) await stock.defineSku({ sku });
 * await stock.restock({ sku: 'case-128', warehouse: 'sh-1', quantity: 30, receiptNo: 'GRN-1' });
 *
 * const counts: WarehouseCount[] = [
 *   { sku: 'phone-128', warehouse: 'sh-1', physical: 12 }, // differs: applied
 *   { sku: 'case-128', warehouse: 'sh-1', physical: 30 }, // equal: left alone
 *   { sku: 'watch-4', warehouse: 'sh-1', physical: 5 }, // not in the inventory: rejected
 * ];
 * const system = {
 *   async *fetchAll() { yield counts; },
 *   fetchChanges: async () => ({ counts, cursor: 'c-1' }),
 *   fetchCounts: async (skus: readonly string[]) => counts.filter((c) => skus.includes(c.sku)),
 * };
 * const report: SyncReport = await new WarehouseSync({ system, inventory: stock }).fullSync();
 * assert.equal(report.kind, 'full');
 * assert.deepEqual([report.checked, report.unchanged], [2, 1]);
 * assert.deepEqual(report.changed.map((c) => c.sku), ['phone-128']);
 * assert.deepEqual(report.rejected.map((r) => r.sku), ['watch-4']);
 * assert.ok(report.endedAt >= report.startedAt);
 * await db.destroy();
 * ```
 *
 * @group Warehouse sync
 */
export interface SyncReport {
  /** `full`, `changes` (since a cursor), `skus` (on demand) or `push`. */
  kind: 'full' | 'changes' | 'skus' | 'push';
  /** Counts compared. */
  checked: number;
  /** Counts equal to the inventory's. */
  unchanged: number;
  /** Counts applied. */
  changed: CountChange[];
  /** Counts not applied. */
  rejected: CountRejection[];
  /** When it started and ended (epoch ms). */
  startedAt: number;
  /** When it ended (epoch ms). */
  endedAt: number;
}
