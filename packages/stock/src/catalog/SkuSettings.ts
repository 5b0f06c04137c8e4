import type { StrategyName } from '../strategies/DeductionStrategy.js';

/**
 * A SKU's definition, as `defineSku` takes it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type SkuSettings, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * const launch: SkuSettings = {
 *   sku: 'phone-256',
 *   shards: 4, // each warehouse's stock split over 4 rows: buyers spread over them
 *   strategy: 'combining', // concurrent orders of a row merged into one transaction
 *   lowStock: { threshold: 10, clear: 20 }, // alert at 10 or below, re-armed above 20
 * };
 * await stock.defineSku(launch);
 * const alerts: string[] = [];
 * stock.events.on('lowStock', (e) => alerts.push(`${e.sku}: ${e.sellable} left`));
 *
 * await stock.restock({ sku: 'phone-256', warehouse: 'sh-1', quantity: 12, receiptNo: 'GRN-1' });
 * const order = await stock.deduct({ orderNo: 'SO-1', lines: [{ sku: 'phone-256', quantity: 3 }] });
 * assert.equal(order.strategy, 'combining');
 * assert.deepEqual(alerts, ['phone-256: 9 left']);
 * // shards can grow, not shrink
 * await assert.rejects(stock.defineSku({ ...launch, shards: 2 }), { code: 'INVALID_REQUEST' });
 * await db.destroy();
 * ```
 *
 * @group SKUs and warehouses
 */
export interface SkuSettings {
  /** The SKU. */
  sku: string;
  /**
   * Rows (and Redis keys) one warehouse's stock of the SKU is split into, for
   * hot items; buyers spread over them. Can grow, not shrink.
   * @default 1
   */
  shards?: number;
  /**
   * Deduction strategy for this SKU's orders.
   * @default the service's `strategy`
   */
  strategy?: Exclude<StrategyName, 'redis'>;
  /** Low-stock alert: raised at `threshold` or below, cleared above `clear` (default `threshold`). */
  lowStock?: {
    /** Raised when sellable units are at or below this. */
    threshold: number;
    /**
     * Cleared when sellable units are above this.
     * @default threshold
     */
    clear?: number;
  };
}

/**
 * A warehouse's definition, as `defineWarehouse` takes it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService, type WarehouseSettings } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db, allocation: { strategy: 'nearest' } });
 * const warehouses: WarehouseSettings[] = [
 *   { code: 'sh-1', region: 'east', priority: 1 },
 *   { code: 'gz-1', region: 'south', priority: 2 },
 * ];
 * await stock.defineSku({ sku: 'tv-55' });
 * for (const warehouse of warehouses) {
 *   await stock.defineWarehouse(warehouse);
 *   const receiptNo = `GRN-${warehouse.code}`;
 *   await stock.restock({ sku: 'tv-55', warehouse: warehouse.code, quantity: 5, receiptNo });
 * }
 *
 * const buy = (orderNo: string, region: string) =>
 *   stock.deduct({ orderNo, region, lines: [{ sku: 'tv-55', quantity: 1 }] });
 * assert.equal((await buy('SO-1', 'south')).shippingWarehouse, 'gz-1'); // same region
 * assert.equal((await buy('SO-2', 'west')).shippingWarehouse, 'sh-1'); // none near: priority
 * await stock.defineWarehouse({ code: 'gz-1', region: 'south', priority: 0 }); // an update
 * assert.equal((await buy('SO-3', 'west')).shippingWarehouse, 'gz-1');
 * await db.destroy();
 * ```
 *
 * @group SKUs and warehouses
 */
export interface WarehouseSettings {
  /** Warehouse code, unique. */
  code: string;
  /**
   * Region, compared with the order's region by the nearest strategy.
   * @default ''
   */
  region?: string;
  /**
   * Lower is preferred by the priority strategy.
   * @default 0
   */
  priority?: number;
}
