/**
 * Where counts are written: the inventory. `StockService` of @mallkit/stock
 * fits it as is; @mallkit/sync does not depend on it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type InventoryTarget, WarehouseSync } from '@mallkit/sync';
 *
 * // An inventory of your own (StockService of @mallkit/stock fits as it is): units per SKU in 'sh-1'
 * const units = new Map([['phone-128', 10]]);
 * const inventory: InventoryTarget = {
 *   query: async (skus) =>
 *     skus.flatMap((sku) => {
 *       const physical = units.get(sku);
 *       return physical === undefined ? [] : [{ sku, warehouses: [{ warehouse: 'sh-1', physical }] }];
 *     }),
 *   setPhysical: async ({ sku, physical, expected }) => {
 *     // a compare-and-set: refuse if stock moved since it was read
 *     if (units.get(sku) !== expected) throw Object.assign(new Error('moved'), { code: 'CONCURRENCY_CONFLICT' });
 *     units.set(sku, physical);
 *   },
 * };
 * const system = {
 *   async *fetchAll() {},
 *   fetchChanges: async () => ({ counts: [], cursor: '' }),
 *   fetchCounts: async () => [{ sku: 'phone-128', warehouse: 'sh-1', physical: 14 }],
 * };
 * const report = await new WarehouseSync({ system, inventory }).syncSkus(['phone-128']);
 * assert.deepEqual(report.changed, [{ sku: 'phone-128', warehouse: 'sh-1', from: 10, to: 14 }]);
 * assert.equal(units.get('phone-128'), 14);
 * ```
 *
 * @group Warehouse sync
 */
export interface InventoryTarget {
  /** Current stock of the SKUs, per warehouse. */
  query(skus: readonly string[]): Promise<
    {
      /** The SKU. */
      sku: string;
      /** Per warehouse. */
      warehouses: {
        /** Warehouse code. */
        warehouse: string;
        /** Units on hand. */
        physical: number;
      }[];
    }[]
  >;
  /**
   * Sets physical stock, only if it still equals `expected` (a compare-and-set);
   * otherwise rejects and changes nothing.
   */
  setPhysical(count: {
    /** The SKU. */
    sku: string;
    /** Warehouse code. */
    warehouse: string;
    /** The new count. */
    physical: number;
    /** The value read before the count was fetched. */
    expected: number;
  }): Promise<void>;
}
