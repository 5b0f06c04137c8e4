/** A return after confirmation: which units of which SKUs go back to stock. */
export interface RefundRequest {
  /** The order's unique sequence number. */
  orderNo: string;
  /**
   * Unique number of this refund: the idempotency key. A retry with it replays;
   * the same number with other lines is an `ORDER_CONFLICT`.
   */
  refundNo: string;
  /** SKUs and units returned; at most what was confirmed and not yet refunded. */
  lines: readonly {
    /** The SKU. */
    sku: string;
    /** Units returned. */
    quantity: number;
  }[];
}
