/**
 * Where counts are written: the inventory. `StockService` of @mallkit/stock
 * fits it as is; @mallkit/sync does not depend on it.
 */
export interface InventoryTarget {
  /** Current stock of the SKUs, per warehouse. */
  query(skus: readonly string[]): Promise<
    {
      /** The SKU. */
      sku: string;
      /** Per warehouse. */
      warehouses: {
        /** Warehouse code. */
        warehouse: string;
        /** Units on hand. */
        physical: number;
      }[];
    }[]
  >;
  /**
   * Sets physical stock, only if it still equals `expected` (a compare-and-set);
   * otherwise rejects and changes nothing.
   */
  setPhysical(count: {
    /** The SKU. */
    sku: string;
    /** Warehouse code. */
    warehouse: string;
    /** The new count. */
    physical: number;
    /** The value read before the count was fetched. */
    expected: number;
  }): Promise<void>;
}
