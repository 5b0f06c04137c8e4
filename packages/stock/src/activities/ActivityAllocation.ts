/** Units of one SKU in one warehouse set aside for a flash-sale activity. */
export interface ActivityAllocation {
  /** The flash-sale activity. */
  activityId: string;
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units taken from sellable stock into the activity. */
  quantity: number;
  /**
   * Where buyers are admitted: `'sql'` deducts in the database per order;
   * `'redis'` admits them with a Lua script on Redis (see `@mallkit/stock/redis`)
   * and writes the orders to the database behind it.
   * @default 'sql'
   */
  strategy?: 'sql' | 'redis';
}
