/**
 * Every `code` a {@link StockError} can carry:
 * - `INVALID_ORDER`: the order is malformed (no lines, bad quantity, duplicate SKU, bad order number);
 * - `INVALID_REQUEST`: another call's input is malformed (restock, refund, activity, settings);
 * - `UNKNOWN_SKU` / `UNKNOWN_WAREHOUSE` / `UNKNOWN_ACTIVITY`: it names something the inventory does not know;
 * - `INSUFFICIENT_STOCK`: a line cannot be served; nothing of the order was deducted;
 * - `ORDER_CONFLICT`: the order (or refund, or receipt) number was used before with different content;
 * - `ORDER_NOT_FOUND`: confirm, release or refund of an order never deducted;
 * - `INVALID_TRANSITION`: the order is in a state that does not allow the call (confirm after release, refund before confirm, refund of more than was confirmed);
 * - `CONCURRENCY_CONFLICT`: the optimistic-lock strategy lost every retry to concurrent writers, or a count's `expected` value no longer holds;
 * - `LOCK_TIMEOUT`: the distributed-lock strategy could not get the SKU's lock in time;
 * - `INVALID_OPTION`: a component was built with an invalid option;
 * - `STORE_UNAVAILABLE`: the database or Redis failed; nothing was half-applied.
 */
export type StockErrorCode =
  | 'INVALID_ORDER'
  | 'INVALID_REQUEST'
  | 'UNKNOWN_SKU'
  | 'UNKNOWN_WAREHOUSE'
  | 'UNKNOWN_ACTIVITY'
  | 'INSUFFICIENT_STOCK'
  | 'ORDER_CONFLICT'
  | 'ORDER_NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'CONCURRENCY_CONFLICT'
  | 'LOCK_TIMEOUT'
  | 'INVALID_OPTION'
  | 'STORE_UNAVAILABLE';
