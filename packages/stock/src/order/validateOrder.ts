import { StockError } from '../errors/StockError.js';
import type { Order, OrderLine } from './Order.js';
import { defaultOrderLimits, type OrderLimits } from './OrderLimits.js';

const ORDER_NO = /^[\w.:-]+$/;

/**
 * Checks an order before anything is written and returns a normalized copy (lines in
 * SKU order, so that every writer locks rows in the same order and two orders cannot
 * deadlock each other). Throws `INVALID_ORDER`, naming the field, for: a missing or
 * over-long order number or one with other than letters, digits, `_ . : -`; no lines or
 * too many; a SKU that is not a non-empty string; a quantity that is not an integer in
 * [1, maxQuantity]; the same SKU on two lines.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { validateOrder } from '@mallkit/stock';
 *
 * // an order as it arrives in a request body, checked before anything is written
 * const body: unknown = JSON.parse(
 *   '{"orderNo":"SO-1","lines":[{"sku":"tv-55","quantity":1},{"sku":"bracket","quantity":2}]}',
 * );
 * const order = validateOrder(body); // an Order from here on
 * assert.deepEqual(order.lines.map((l) => l.sku), ['bracket', 'tv-55']); // in SKU order
 *
 * assert.throws(() => validateOrder({ orderNo: 'SO 2', lines: order.lines }), {
 *   name: 'StockError',
 *   code: 'INVALID_ORDER',
 *   message: /orderNo may contain only letters, digits/,
 * });
 * const twice = [{ sku: 'tv-55', quantity: 1 }, { sku: 'tv-55', quantity: 1 }];
 * assert.throws(() => validateOrder({ orderNo: 'SO-3', lines: twice }), /repeats "tv-55"/);
 * ```
 *
 * @group Orders
 */
export function validateOrder(
  order: unknown,
  limits: Readonly<Required<OrderLimits>> = defaultOrderLimits,
): Order {
  if (typeof order !== 'object' || order === null) throw invalid('order', 'must be an object');
  const { orderNo, lines, region } = order as Partial<Order>;
  if (typeof orderNo !== 'string' || orderNo.length === 0) throw invalid('orderNo', 'is required');
  if (orderNo.length > limits.maxOrderNoLength) {
    throw invalid(
      'orderNo',
      `is ${orderNo.length} characters; the limit is ${limits.maxOrderNoLength}`,
    );
  }
  if (!ORDER_NO.test(orderNo))
    throw invalid('orderNo', 'may contain only letters, digits and _ . : -');
  if (!Array.isArray(lines) || lines.length === 0)
    throw invalid('lines', 'must list at least one line');
  if (lines.length > limits.maxLines)
    throw invalid('lines', `has ${lines.length} lines; the limit is ${limits.maxLines}`);
  const seen = new Set<string>();
  const normalized: OrderLine[] = lines.map((line: unknown, i) => {
    const { sku, quantity, warehouse, activityId } = (line ?? {}) as Partial<OrderLine>;
    if (typeof sku !== 'string' || sku.length === 0 || sku.length > 64) {
      throw invalid(`lines[${i}].sku`, 'must be a string of 1 to 64 characters');
    }
    if (
      typeof quantity !== 'number' ||
      !Number.isInteger(quantity) ||
      quantity < 1 ||
      quantity > limits.maxQuantity
    ) {
      throw invalid(
        `lines[${i}].quantity`,
        `must be an integer from 1 to ${limits.maxQuantity}; got ${String(quantity)}`,
      );
    }
    if (seen.has(sku))
      throw invalid(`lines[${i}].sku`, `repeats "${sku}"; put its units on one line`);
    seen.add(sku);
    const normalizedLine: OrderLine = { sku, quantity };
    if (warehouse !== undefined) {
      if (!isName(warehouse)) throw invalid(`lines[${i}].warehouse`, NAME_RULE);
      normalizedLine.warehouse = warehouse;
    }
    if (activityId !== undefined) {
      if (!isName(activityId)) throw invalid(`lines[${i}].activityId`, NAME_RULE);
      normalizedLine.activityId = activityId;
    }
    return normalizedLine;
  });
  normalized.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  if (region !== undefined && typeof region !== 'string')
    throw invalid('region', 'must be a string');
  return region === undefined
    ? { orderNo, lines: normalized }
    : { orderNo, lines: normalized, region };
}

const NAME_RULE = 'must be a string of 1 to 64 characters';
const isName = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 64;

function invalid(field: string, problem: string): StockError {
  return new StockError('INVALID_ORDER', `order ${field} ${problem}`);
}
