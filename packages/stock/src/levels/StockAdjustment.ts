/** Units received into a warehouse, as `restock` takes them. */
export interface Restock {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units received, a positive integer. */
  quantity: number;
  /** Unique number of the receipt: the idempotency key of the restock. */
  receiptNo: string;
}

/** A physical count from the warehouse system, as `setPhysical` takes it. */
export interface PhysicalCount {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units on hand and not yet promised to confirmed orders. */
  physical: number;
  /**
   * Apply the count only if physical stock is still this value (a compare-and-set):
   * a sync that read the stock, fetched the warehouse's count and then writes it
   * must not undo confirmations made in between. A mismatch throws
   * `CONCURRENCY_CONFLICT` and changes nothing.
   */
  expected?: number;
}

/** Units kept back from sale, as `setSafety` takes them. */
export interface SafetyLevel {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units kept back from sale. */
  safety: number;
}
