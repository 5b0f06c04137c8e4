import type { StrategyName } from '../strategies/DeductionStrategy.js';

/** A SKU's definition, as `defineSku` takes it. */
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

/** A warehouse's definition, as `defineWarehouse` takes it. */
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
