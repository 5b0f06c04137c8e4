/**
 * Every `code` a {@link StockError} can carry:
 * - `INVALID_ORDER`: the order is malformed (no lines, bad quantity, duplicate SKU, bad order number);
 * - `UNKNOWN_SKU` / `UNKNOWN_WAREHOUSE`: it names a SKU or warehouse the inventory does not know;
 * - `INSUFFICIENT_STOCK`: a line cannot be served; nothing of the order was deducted;
 * - `ORDER_CONFLICT`: the order number was used before with different lines;
 * - `ORDER_NOT_FOUND`: confirm, release or refund of an order never deducted;
 * - `INVALID_OPTION`: a component was built with an invalid option;
 * - `STORE_UNAVAILABLE`: the database or Redis failed; nothing was half-applied.
 */
export type StockErrorCode =
  | 'INVALID_ORDER'
  | 'UNKNOWN_SKU'
  | 'UNKNOWN_WAREHOUSE'
  | 'INSUFFICIENT_STOCK'
  | 'ORDER_CONFLICT'
  | 'ORDER_NOT_FOUND'
  | 'INVALID_OPTION'
  | 'STORE_UNAVAILABLE';
