import { describe, expect, it } from 'vitest';
import { isStockError } from '../errors/StockError.js';
import { validateOrder } from './validateOrder.js';

const limits = { maxOrderNoLength: 16, maxLines: 3, maxQuantity: 100 };

describe('validateOrder', () => {
  it('returns the order with lines in SKU order', () => {
    const order = validateOrder(
      {
        orderNo: 'SO-1',
        lines: [
          { sku: 'b', quantity: 1 },
          { sku: 'a', quantity: 2 },
        ],
      },
      limits,
    );
    expect(order).toEqual({
      orderNo: 'SO-1',
      lines: [
        { sku: 'a', quantity: 2 },
        { sku: 'b', quantity: 1 },
      ],
    });
  });

  it.each([
    [null, /order order must be an object/],
    [{ lines: [{ sku: 'a', quantity: 1 }] }, /orderNo is required/],
    [{ orderNo: 'x'.repeat(17), lines: [{ sku: 'a', quantity: 1 }] }, /orderNo is 17 characters/],
    [{ orderNo: 'SO 1', lines: [{ sku: 'a', quantity: 1 }] }, /orderNo may contain only/],
    [{ orderNo: 'SO-1', lines: [] }, /at least one line/],
    [
      { orderNo: 'SO-1', lines: [1, 2, 3, 4].map((i) => ({ sku: `s${i}`, quantity: 1 })) },
      /has 4 lines/,
    ],
    [{ orderNo: 'SO-1', lines: [{ sku: '', quantity: 1 }] }, /lines\[0\]\.sku/],
    [{ orderNo: 'SO-1', lines: [{ sku: 'a', quantity: 0 }] }, /lines\[0\]\.quantity.*got 0/],
    [{ orderNo: 'SO-1', lines: [{ sku: 'a', quantity: -2 }] }, /got -2/],
    [{ orderNo: 'SO-1', lines: [{ sku: 'a', quantity: 1.5 }] }, /got 1.5/],
    [{ orderNo: 'SO-1', lines: [{ sku: 'a', quantity: 101 }] }, /from 1 to 100; got 101/],
    [{ orderNo: 'SO-1', lines: [{ sku: 'a', quantity: '2' }] }, /got 2/],
    [
      {
        orderNo: 'SO-1',
        lines: [
          { sku: 'a', quantity: 1 },
          { sku: 'a', quantity: 2 },
        ],
      },
      /lines\[1\]\.sku repeats "a"/,
    ],
  ])('rejects %j', (order, message) => {
    let caught: unknown;
    try {
      validateOrder(order, limits);
    } catch (error) {
      caught = error;
    }
    expect(isStockError(caught) && caught.code).toBe('INVALID_ORDER');
    expect(String(caught)).toMatch(message);
  });
});
