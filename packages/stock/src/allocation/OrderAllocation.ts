/**
 * Units of one line taken from one warehouse.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type AllocationPart, allocateOrder } from '@mallkit/stock';
 *
 * const plan = allocateOrder(
 *   { orderNo: 'SO-1', lines: [{ sku: 'phone', quantity: 5 }] },
 *   new Map([
 *     ['phone', [
 *       { warehouse: 'sh-1', sellable: 3, priority: 1 },
 *       { warehouse: 'bj-1', sellable: 8, priority: 2 },
 *     ]],
 *   ]),
 * );
 * const parts: AllocationPart[] = plan.lines[0]?.parts ?? [];
 * assert.deepEqual(
 *   parts.map((p) => `${p.quantity} from ${p.warehouse}`),
 *   ['3 from sh-1', '2 from bj-1'],
 * );
 * assert.equal(parts.reduce((n, p) => n + p.quantity, 0), 5);
 * ```
 *
 * @group Warehouses and allocation
 */
export interface AllocationPart {
  /** The warehouse. */
  warehouse: string;
  /** Units taken from it. */
  quantity: number;
}

/**
 * Where the units of one order line come from.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { allocateOrder, type LineAllocation } from '@mallkit/stock';
 *
 * const plan = allocateOrder(
 *   { orderNo: 'SO-1', lines: [{ sku: 'phone', quantity: 1 }, { sku: 'case', quantity: 2 }] },
 *   new Map([
 *     ['phone', [{ warehouse: 'sh-1', sellable: 5, priority: 1 }]],
 *     ['case', [
 *       { warehouse: 'sh-1', sellable: 1, priority: 1 },
 *       { warehouse: 'bj-1', sellable: 9, priority: 2 },
 *     ]],
 *   ]),
 * );
 * const summary = (line: LineAllocation) =>
 *   `${line.sku} x${line.quantity}: ${line.parts.map((p) => p.warehouse).join(' + ')}`;
 * assert.deepEqual(plan.lines.map(summary), ['phone x1: sh-1', 'case x2: sh-1 + bj-1']);
 * ```
 *
 * @group Warehouses and allocation
 */
export interface LineAllocation {
  /** The SKU. */
  sku: string;
  /** Units ordered. */
  quantity: number;
  /** The warehouses serving it, in the strategy's order. */
  parts: AllocationPart[];
}

/**
 * The plan for a whole order.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { allocateOrder, type OrderAllocation } from '@mallkit/stock';
 *
 * const plan: OrderAllocation = allocateOrder(
 *   { orderNo: 'SO-1', lines: [{ sku: 'tv-55', quantity: 2 }, { sku: 'soundbar', quantity: 1 }] },
 *   new Map([
 *     ['tv-55', [{ warehouse: 'gz-1', sellable: 4, priority: 2 }]],
 *     ['soundbar', [{ warehouse: 'sh-1', sellable: 9, priority: 1 }]],
 *   ]),
 * );
 * // the parcel ships from gz-1, which serves most units; the rest is sent on from elsewhere
 * assert.equal(plan.shippingWarehouse, 'gz-1');
 * const sentOn = plan.lines.filter((line) =>
 *   line.parts.some((p) => p.warehouse !== plan.shippingWarehouse),
 * );
 * assert.deepEqual(sentOn.map((line) => line.sku), ['soundbar']);
 * ```
 *
 * @group Warehouses and allocation
 */
export interface OrderAllocation {
  /** One entry per order line, in the order's line order. */
  lines: LineAllocation[];
  /** The expected shipping warehouse: the one serving the most units of the order. */
  shippingWarehouse: string;
}
