import type { StockErrorCode } from './StockErrorCode.js';

const brand = Symbol.for('@mallkit/stock/error');

/**
 * Base class of every error that @mallkit/stock throws.
 *
 * Branch on {@link StockError.code}, never on the message: codes are stable across
 * versions, messages are for people. The underlying failure, when there is one,
 * is kept as `cause`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockError, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 1, receiptNo: 'GRN-1' });
 *
 * const order = { orderNo: 'SO-1', lines: [{ sku: 'phone-128', quantity: 2 }] };
 * const short = await stock.deduct(order).catch((error: unknown) => error);
 * assert.ok(short instanceof StockError);
 * assert.equal(short.code, 'INSUFFICIENT_STOCK'); // branch on this, not on short.message
 *
 * // a failure of the database itself: STORE_UNAVAILABLE, with the driver's error as `cause`
 * await db.destroy();
 * const down = await stock.deduct(order).catch((error: unknown) => error);
 * assert.ok(down instanceof StockError);
 * assert.equal(down.code, 'STORE_UNAVAILABLE');
 * assert.ok(down.cause instanceof Error);
 * ```
 *
 * @group Errors
 */
export class StockError extends Error {
  /** Stable machine-readable identifier of the failure, e.g. `'INSUFFICIENT_STOCK'`. */
  readonly code: StockErrorCode;

  /**
   * @param code - stable identifier of the failure
   * @param message - what went wrong, for people
   * @param options - `cause`: the original error, kept for diagnosis
   */
  constructor(code: StockErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * Whether `error` was thrown by @mallkit/stock. Unlike `instanceof`, this holds when
 * two copies of the package are installed side by side.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { isStockError, migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 3, receiptNo: 'GRN-1' });
 *
 * async function placeOrder(orderNo: string, quantity: number): Promise<string> {
 *   try {
 *     await stock.deduct({ orderNo, lines: [{ sku: 'phone-128', quantity }] });
 *     return 'placed';
 *   } catch (error) {
 *     if (isStockError(error) && error.code === 'INSUFFICIENT_STOCK') return 'sold out';
 *     throw error; // anything else is not the buyer's business
 *   }
 * }
 * assert.equal(await placeOrder('SO-1', 2), 'placed');
 * assert.equal(await placeOrder('SO-2', 2), 'sold out');
 * assert.equal(isStockError(new Error('not from the inventory')), false);
 * await db.destroy();
 * ```
 *
 * @group Errors
 */
export function isStockError(error: unknown): error is StockError {
  return typeof error === 'object' && error !== null && brand in error;
}
