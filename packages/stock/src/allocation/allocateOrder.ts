import { StockError } from '../errors/StockError.js';
import type { Order } from '../order/Order.js';
import { shippingWarehouseOf } from '../orders/shippingWarehouseOf.js';
import type { AllocationOptions } from './AllocationOptions.js';
import type { AllocationPart, OrderAllocation } from './OrderAllocation.js';
import type { WarehouseCandidate } from './WarehouseCandidate.js';

const sameRegion = (from: string, to: string) => (from === to ? 0 : 1);

/**
 * Picks the warehouses for every line of an order (split-warehouse allocation) and the
 * expected shipping warehouse. Pure: it reads the candidates it is given and changes
 * nothing, so the deduction can lock and re-check exactly the rows it chose.
 *
 * Throws `UNKNOWN_SKU` for a line with no candidate list, and `INSUFFICIENT_STOCK` when
 * a line cannot be served under the options (nothing is allocated then).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { allocateOrder } from '@mallkit/stock';
 *
 * const candidates = new Map([
 *   ['phone', [
 *     { warehouse: 'north-1', sellable: 10, priority: 1, region: 'north' },
 *     { warehouse: 'south-1', sellable: 2, priority: 2, region: 'south' },
 *   ]],
 * ]);
 * const order = { orderNo: 'SO-1', lines: [{ sku: 'phone', quantity: 3 }], region: 'south' };
 * const plan = allocateOrder(order, candidates, { strategy: 'nearest' });
 *
 * // south-1 gives 2, north-1 the last 1; south-1 ships (most units; ties go to the first by code)
 * assert.deepEqual(plan.lines[0]?.parts, [
 *   { warehouse: 'south-1', quantity: 2 },
 *   { warehouse: 'north-1', quantity: 1 },
 * ]);
 * assert.equal(plan.shippingWarehouse, 'south-1');
 * assert.throws(
 *   () => allocateOrder({ ...order, lines: [{ sku: 'phone', quantity: 13 }] }, candidates),
 *   { name: 'StockError', code: 'INSUFFICIENT_STOCK' },
 * );
 * ```
 *
 * @group Warehouses and allocation
 */
export function allocateOrder(
  order: Order,
  candidates: ReadonlyMap<string, readonly WarehouseCandidate[]>,
  options: AllocationOptions = {},
): OrderAllocation {
  const strategy = options.strategy ?? 'priority';
  const allowSplit = options.allowSplit ?? true;
  const distance = options.distance ?? sameRegion;
  const region = order.region;
  const rank = (a: WarehouseCandidate, b: WarehouseCandidate): number => {
    let byStrategy = 0;
    if (strategy === 'mostStock') byStrategy = b.sellable - a.sellable;
    else if (strategy === 'nearest' && region !== undefined) {
      byStrategy = distance(region, a.region ?? '') - distance(region, b.region ?? '');
    }
    return byStrategy || a.priority - b.priority || (a.warehouse < b.warehouse ? -1 : 1);
  };

  const lines = order.lines.map((line) => {
    const list = candidates.get(line.sku);
    if (!list) throw new StockError('UNKNOWN_SKU', `unknown SKU "${line.sku}"`);
    const ranked = list.filter((c) => c.sellable > 0).sort(rank);
    const parts: AllocationPart[] = [];
    if (allowSplit) {
      let left = line.quantity;
      for (const c of ranked) {
        if (left === 0) break;
        const take = Math.min(left, c.sellable);
        parts.push({ warehouse: c.warehouse, quantity: take });
        left -= take;
      }
      if (left > 0) throw insufficient(line.sku, line.quantity, line.quantity - left);
    } else {
      const whole = ranked.find((c) => c.sellable >= line.quantity);
      if (!whole)
        throw insufficient(line.sku, line.quantity, Math.max(0, ...ranked.map((c) => c.sellable)));
      parts.push({ warehouse: whole.warehouse, quantity: line.quantity });
    }
    return { sku: line.sku, quantity: line.quantity, parts };
  });
  return { lines, shippingWarehouse: shippingWarehouseOf(lines.flatMap((l) => l.parts)) };
}

function insufficient(sku: string, wanted: number, available: number): StockError {
  return new StockError(
    'INSUFFICIENT_STOCK',
    `SKU "${sku}": ${wanted} wanted, ${available} can be allocated`,
  );
}
