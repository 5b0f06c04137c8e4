/**
 * What a valid order is.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type OrderLimits, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const limits: OrderLimits = { maxQuantity: 2, maxLines: 20 }; // a launch: 2 phones per buyer
 * const stock = new StockService({ db, limits });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-256' });
 * await stock.restock({ sku: 'phone-256', warehouse: 'sh-1', quantity: 100, receiptNo: 'GRN-1' });
 *
 * const buy = (orderNo: string, quantity: number) =>
 *   stock.deduct({ orderNo, lines: [{ sku: 'phone-256', quantity }] });
 * await assert.rejects(buy('SO-1', 3), { code: 'INVALID_ORDER', message: /lines\[0\]\.quantity/ });
 * assert.equal((await buy('SO-2', 2)).status, 'reserved');
 * await db.destroy();
 * ```
 *
 * @group Orders
 */
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

/**
 * The limits {@link validateOrder} applies unless told otherwise.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { defaultOrderLimits, validateOrder } from '@mallkit/stock';
 *
 * assert.deepEqual(defaultOrderLimits, { maxOrderNoLength: 64, maxLines: 200, maxQuantity: 10_000 });
 * const order = {
 *   orderNo: 'SO-1',
 *   lines: [{ sku: 'a', quantity: 1 }, { sku: 'b', quantity: 1 }, { sku: 'c', quantity: 1 }],
 * };
 * assert.equal(validateOrder(order).lines.length, 3);
 * // validateOrder takes every limit: start from the defaults and change what differs
 * const small = { ...defaultOrderLimits, maxLines: 2 };
 * assert.throws(() => validateOrder(order, small), { code: 'INVALID_ORDER' });
 * ```
 *
 * @group Orders
 */
export const defaultOrderLimits: Readonly<Required<OrderLimits>> = {
  maxOrderNoLength: 64,
  maxLines: 200,
  maxQuantity: 10_000,
};
