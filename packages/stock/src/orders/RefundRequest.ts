/** A return after confirmation: which units of which SKUs go back to stock. */
export interface RefundRequest {
  orderNo: string;
  /**
   * Unique number of this refund: the idempotency key. A retry with it replays;
   * the same number with other lines is an `ORDER_CONFLICT`.
   */
  refundNo: string;
  /** SKUs and units returned; at most what was confirmed and not yet refunded. */
  lines: readonly { sku: string; quantity: number }[];
}
