/** One line of an order: a SKU and how many units. */
export interface OrderLine {
  /** The SKU. */
  sku: string;
  /** Units, a positive integer. */
  quantity: number;
  /** Serve the line from this warehouse only, instead of letting the split strategy choose. */
  warehouse?: string;
  /** Serve the line from this flash-sale activity's allocation. */
  activityId?: string;
}

/** What the inventory deducts for: an order with its unique sequence number. */
export interface Order {
  /**
   * The order's unique sequence number: the idempotency key of every stock write for it.
   * A retry with the same number returns the first outcome; the same number with other
   * lines is an `ORDER_CONFLICT`.
   */
  orderNo: string;
  /** The lines, one per SKU. */
  lines: readonly OrderLine[];
  /** Where the order ships to, for the "nearest warehouse" strategy. */
  region?: string;
}
