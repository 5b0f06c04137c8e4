/**
 * How warehouses are chosen: `'priority'`, `'nearest'` (to the order's region) or `'mostStock'`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { allocateOrder, type SplitStrategy } from '@mallkit/stock';
 *
 * const candidates = new Map([
 *   ['phone', [
 *     { warehouse: 'a', sellable: 3, priority: 1, region: 'north' },
 *     { warehouse: 'b', sellable: 9, priority: 2, region: 'south' },
 *     { warehouse: 'c', sellable: 5, priority: 3, region: 'east' },
 *   ]],
 * ]);
 * const order = { orderNo: 'SO-1', region: 'east', lines: [{ sku: 'phone', quantity: 2 }] };
 * const ships = (strategy: SplitStrategy) =>
 *   allocateOrder(order, candidates, { strategy }).shippingWarehouse;
 *
 * assert.equal(ships('priority'), 'a'); // the lowest priority number
 * assert.equal(ships('nearest'), 'c'); // the order's own region
 * assert.equal(ships('mostStock'), 'b'); // the most sellable units
 * ```
 *
 * @group Warehouses and allocation
 */
export type SplitStrategy = 'priority' | 'nearest' | 'mostStock';

/**
 * Settings of {@link allocateOrder}, also the `allocation` option of `StockService` and
 * the argument of `stock.setAllocation()`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type AllocationOptions, allocateOrder } from '@mallkit/stock';
 *
 * const km: Record<string, number> = { 'east>north': 900, 'east>south': 1200 };
 * const options: AllocationOptions = {
 *   strategy: 'nearest',
 *   allowSplit: false, // one warehouse serves a line whole, or the order is refused
 *   distance: (from, to) => (from === to ? 0 : (km[`${from}>${to}`] ?? 5000)),
 * };
 * const candidates = new Map([
 *   ['sofa', [
 *     { warehouse: 'north-1', sellable: 4, priority: 1, region: 'north' },
 *     { warehouse: 'south-1', sellable: 9, priority: 0, region: 'south' },
 *   ]],
 * ]);
 * const sofas = (quantity: number) =>
 *   allocateOrder({ orderNo: 'SO-1', region: 'east', lines: [{ sku: 'sofa', quantity }] },
 *     candidates, options);
 *
 * assert.equal(sofas(3).shippingWarehouse, 'north-1'); // 900 km beats 1200 km
 * assert.equal(sofas(5).shippingWarehouse, 'south-1'); // north-1 cannot ship all 5
 * assert.throws(() => sofas(10), { code: 'INSUFFICIENT_STOCK' }); // no warehouse has 10
 * ```
 *
 * @group Warehouses and allocation
 */
export interface AllocationOptions {
  /**
   * The order in which warehouses are tried for each line.
   * @default 'priority'
   */
  strategy?: SplitStrategy;
  /**
   * Whether one line may be served from several warehouses. When false, a line is
   * served by the first warehouse that has all of it, or not at all.
   * @default true
   */
  allowSplit?: boolean;
  /**
   * Distance between two regions, for `'nearest'`; ties fall back to priority.
   * @default 0 for the same region, 1 otherwise
   */
  distance?: (from: string, to: string) => number;
}
