/** What a valid order is. */
export interface OrderLimits {
  /**
   * Longest order number accepted.
   * @default 64
   */
  maxOrderNoLength?: number;
  /**
   * Most lines in one order.
   * @default 200
   */
  maxLines?: number;
  /**
   * Most units of one SKU in one line.
   * @default 10000
   */
  maxQuantity?: number;
}

/** The limits {@link validateOrder} applies unless told otherwise. */
export const defaultOrderLimits: Readonly<Required<OrderLimits>> = {
  maxOrderNoLength: 64,
  maxLines: 200,
  maxQuantity: 10_000,
};
