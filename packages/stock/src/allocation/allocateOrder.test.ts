import { describe, expect, it } from 'vitest';
import { isStockError } from '../errors/StockError.js';
import type { Order } from '../order/Order.js';
import { allocateOrder } from './allocateOrder.js';
import type { WarehouseCandidate } from './WarehouseCandidate.js';

const stock = new Map<string, WarehouseCandidate[]>([
  [
    'phone',
    [
      { warehouse: 'north-1', sellable: 10, priority: 1, region: 'north' },
      { warehouse: 'south-1', sellable: 2, priority: 2, region: 'south' },
      { warehouse: 'east-1', sellable: 30, priority: 3, region: 'east' },
    ],
  ],
  ['case', [{ warehouse: 'south-1', sellable: 50, priority: 2, region: 'south' }]],
]);
const order = (lines: Order['lines'], region?: string): Order =>
  region === undefined ? { orderNo: 'SO-1', lines } : { orderNo: 'SO-1', lines, region };
const parts = (plan: ReturnType<typeof allocateOrder>) =>
  plan.lines.map((l) => l.parts.map((p) => `${p.warehouse}:${p.quantity}`));

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'none';
  } catch (error) {
    return isStockError(error) ? error.code : 'other';
  }
}

describe('allocateOrder', () => {
  it('takes warehouses by priority and splits a line when one is short', () => {
    const plan = allocateOrder(order([{ sku: 'phone', quantity: 12 }]), stock);
    expect(parts(plan)).toEqual([['north-1:10', 'south-1:2']]);
    expect(plan.shippingWarehouse).toBe('north-1');
  });

  it('prefers the nearest warehouse to the order region', () => {
    const plan = allocateOrder(order([{ sku: 'phone', quantity: 3 }], 'south'), stock, {
      strategy: 'nearest',
    });
    expect(parts(plan)).toEqual([['south-1:2', 'north-1:1']]);
    expect(plan.shippingWarehouse).toBe('south-1');
  });

  it('uses a custom distance for nearest', () => {
    const distance = (from: string, to: string) => (from === to ? 0 : to === 'east' ? 1 : 5);
    const plan = allocateOrder(order([{ sku: 'phone', quantity: 5 }], 'west'), stock, {
      strategy: 'nearest',
      distance,
    });
    expect(parts(plan)).toEqual([['east-1:5']]);
  });

  it('prefers the warehouse with the most stock', () => {
    const plan = allocateOrder(order([{ sku: 'phone', quantity: 5 }]), stock, {
      strategy: 'mostStock',
    });
    expect(parts(plan)).toEqual([['east-1:5']]);
  });

  it('without splitting, serves a line from one warehouse that has all of it, or refuses', () => {
    const plan = allocateOrder(order([{ sku: 'phone', quantity: 12 }]), stock, {
      allowSplit: false,
    });
    expect(parts(plan)).toEqual([['east-1:12']]);
    expect(
      codeOf(() =>
        allocateOrder(order([{ sku: 'phone', quantity: 31 }]), stock, { allowSplit: false }),
      ),
    ).toBe('INSUFFICIENT_STOCK');
  });

  it('names the shipping warehouse serving most units across lines', () => {
    const plan = allocateOrder(
      order([
        { sku: 'case', quantity: 20 },
        { sku: 'phone', quantity: 12 },
      ]),
      stock,
    );
    expect(plan.shippingWarehouse).toBe('south-1'); // 20 + 2 units against north-1's 10
  });

  it('refuses more than all warehouses hold, and unknown SKUs', () => {
    expect(codeOf(() => allocateOrder(order([{ sku: 'phone', quantity: 43 }]), stock))).toBe(
      'INSUFFICIENT_STOCK',
    );
    expect(codeOf(() => allocateOrder(order([{ sku: 'tablet', quantity: 1 }]), stock))).toBe(
      'UNKNOWN_SKU',
    );
  });
});
