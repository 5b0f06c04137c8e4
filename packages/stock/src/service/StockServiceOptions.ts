import type { AllocationOptions } from '../allocation/AllocationOptions.js';
import type { AnyKysely } from '../dialect/AnyKysely.js';
import type { CombiningOptions } from '../hotrows/CombiningOptions.js';
import type { OrderLimits } from '../order/OrderLimits.js';
import type { StrategyName } from '../strategies/DeductionStrategy.js';
import type { DistributedLockOptions } from '../strategies/DistributedLockOptions.js';
import type { OptimisticLockOptions } from '../strategies/OptimisticLockOptions.js';

/**
 * Options of {@link StockService}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService, type StockServiceOptions } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * let now = Date.parse('2025-11-11T00:00:00Z'); // a clock the example can move
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const options: StockServiceOptions = {
 *   db,
 *   strategy: 'conditional',
 *   reservationTtlMs: 10 * 60_000, // unpaid orders hold their units for 10 minutes
 *   limits: { maxQuantity: 5 },
 *   allocation: { strategy: 'nearest', allowSplit: false },
 *   catalogTtlMs: 5_000,
 *   now: () => now,
 * };
 * const stock = new StockService(options);
 * await stock.defineWarehouse({ code: 'sh-1', region: 'east' });
 * await stock.defineWarehouse({ code: 'gz-1', region: 'south' });
 * await stock.defineSku({ sku: 'tv-55' });
 * for (const warehouse of ['sh-1', 'gz-1'])
 *   await stock.restock({ sku: 'tv-55', warehouse, quantity: 5, receiptNo: `GRN-${warehouse}` });
 *
 * const tv = (orderNo: string, quantity: number) =>
 *   stock.deduct({ orderNo, region: 'south', lines: [{ sku: 'tv-55', quantity }] });
 * const outcome = await tv('SO-1', 2);
 * assert.equal(outcome.shippingWarehouse, 'gz-1');
 * assert.equal(outcome.expiresAt, now + 10 * 60_000);
 * await assert.rejects(tv('SO-2', 6), { code: 'INVALID_ORDER' }); // over maxQuantity
 * now += 10 * 60_000;
 * assert.equal(await stock.sweepExpired(), 1); // SO-1 was never paid
 * await db.destroy();
 * ```
 *
 * @group Stock service
 */
export interface StockServiceOptions {
  /**
   * Your kysely instance on MySQL/MariaDB (mysql2) or SQLite; the service never
   * destroys it. Run `migrateStock(db)` once before.
   */
  db: AnyKysely;
  /**
   * Strategy for SKUs that do not name one.
   * @default 'conditional'
   */
  strategy?: Exclude<StrategyName, 'redis'>;
  /**
   * How long an unpaid reservation holds its units before the sweeper releases it, in ms.
   * @default 1_800_000 (30 minutes)
   */
  reservationTtlMs?: number;
  /**
   * Limits of an order: order-number length, lines, units per line.
   * @default defaultOrderLimits
   */
  limits?: OrderLimits;
  /**
   * How lines are split over warehouses.
   * @default { strategy: 'priority', allowSplit: true }
   */
  allocation?: AllocationOptions;
  /** Options of the optimistic-lock strategy. @default {} */
  optimistic?: OptimisticLockOptions;
  /** Options of the distributed-lock strategy (pass a Redis lock provider here). @default {} */
  lock?: DistributedLockOptions;
  /** Options of the combining strategy. @default {} */
  combining?: CombiningOptions;
  /**
   * How long SKU settings and warehouse lists are kept in memory, in ms.
   * @default 1000
   */
  catalogTtlMs?: number;
  /**
   * Wall clock in epoch ms, for expiry times stored in the database.
   * @default Date.now
   */
  now?: () => number;
}
