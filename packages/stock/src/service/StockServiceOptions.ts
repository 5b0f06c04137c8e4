import type { AllocationOptions } from '../allocation/AllocationOptions.js';
import type { AnyKysely } from '../dialect/AnyKysely.js';
import type { CombiningOptions } from '../hotrows/CombiningOptions.js';
import type { OrderLimits } from '../order/OrderLimits.js';
import type { StrategyName } from '../strategies/DeductionStrategy.js';
import type { DistributedLockOptions } from '../strategies/DistributedLockOptions.js';
import type { OptimisticLockOptions } from '../strategies/OptimisticLockOptions.js';

/** Options of {@link StockService}. */
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
