/**
 * Every `code` a {@link StockError} can carry:
 * - `INVALID_ORDER`: the order is malformed (no lines, bad quantity, duplicate SKU, bad order number);
 * - `INVALID_REQUEST`: another call's input is malformed (restock, refund, activity, settings);
 * - `UNKNOWN_SKU` / `UNKNOWN_WAREHOUSE` / `UNKNOWN_ACTIVITY`: it names something the inventory does not know;
 * - `INSUFFICIENT_STOCK`: a line cannot be served, and nothing of the order was deducted; or a confirm finds
 *   physical stock below the units the order reserved (a count came in short), and the order stays reserved;
 * - `ORDER_CONFLICT`: the order (or refund, or receipt) number was used before with different content;
 * - `ORDER_NOT_FOUND`: confirm, release or refund of an order never deducted;
 * - `INVALID_TRANSITION`: the order is in a state that does not allow the call (confirm after release, refund before confirm, refund of more than was confirmed), or a flash-sale activity is (purge of one still open, with orders in flight or with dead letters);
 * - `CONCURRENCY_CONFLICT`: the optimistic-lock strategy lost every retry to concurrent writers, a count's `expected` value no longer holds, or another reconcile of the flash-sale activity runs;
 * - `LOCK_TIMEOUT`: the distributed-lock strategy could not get the SKU's lock in time;
 * - `INVALID_OPTION`: a component was built with an invalid option;
 * - `SCHEMA_MISSING`: the database lacks the stock tables: run `migrateStock(db)` on it (a
 *   retry without it fails the same way); the driver's error is the `cause`;
 * - `STORE_UNAVAILABLE`: the database or Redis failed; nothing was half-applied.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { isStockError, migrateStock, type StockErrorCode, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * // what an HTTP API answers for each code; the compiler flags a code added later
 * const httpStatus: Record<StockErrorCode, number> = {
 *   INVALID_ORDER: 400, INVALID_REQUEST: 400,
 *   UNKNOWN_SKU: 404, UNKNOWN_WAREHOUSE: 404, UNKNOWN_ACTIVITY: 404, ORDER_NOT_FOUND: 404,
 *   INSUFFICIENT_STOCK: 409, ORDER_CONFLICT: 409, INVALID_TRANSITION: 409,
 *   CONCURRENCY_CONFLICT: 503, LOCK_TIMEOUT: 503, STORE_UNAVAILABLE: 503,
 *   INVALID_OPTION: 500, SCHEMA_MISSING: 500, // a deployment fault: a retry does not help
 * };
 * const statusOf = (error: unknown) => (isStockError(error) ? httpStatus[error.code] : 500);
 *
 * const db = openSqliteStock();
 * const stock = new StockService({ db });
 * const early = await stock.query(['phone-128']).catch((error: unknown) => error);
 * assert.ok(isStockError(early) && early.code === 'SCHEMA_MISSING'); // migrateStock(db) never ran
 * assert.equal(statusOf(early), 500);
 * await migrateStock(db); // creates the stock tables: the same service works from now on
 * assert.equal(await stock.confirm('SO-404').then(() => 200, statusOf), 404); // ORDER_NOT_FOUND
 * assert.equal(await stock.query(['no-such-sku']).then(() => 200, statusOf), 404); // UNKNOWN_SKU
 * const bad = { orderNo: 'SO 1', lines: [{ sku: 'x', quantity: 1 }] }; // a space in the number
 * assert.equal(await stock.deduct(bad).then(() => 200, statusOf), 400); // INVALID_ORDER
 * await db.destroy();
 * ```
 *
 * @group Errors
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
  | 'SCHEMA_MISSING'
  | 'STORE_UNAVAILABLE';
