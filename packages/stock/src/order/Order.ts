/**
 * One line of an order: a SKU and how many units.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type OrderLine, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * for (const code of ['sh-1', 'gz-1']) await stock.defineWarehouse({ code });
 * for (const sku of ['tv-55', 'bracket']) await stock.defineSku({ sku });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 5, receiptNo: 'GRN-1' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'gz-1', quantity: 5, receiptNo: 'GRN-2' });
 * await stock.restock({ sku: 'bracket', warehouse: 'sh-1', quantity: 9, receiptNo: 'GRN-3' });
 *
 * const lines: OrderLine[] = [
 *   { sku: 'tv-55', quantity: 1, warehouse: 'gz-1' }, // picked up at the gz-1 store
 *   { sku: 'bracket', quantity: 2 }, // wherever the split strategy says
 * ];
 * const outcome = await stock.deduct({ orderNo: 'SO-1', lines });
 * assert.deepEqual(
 *   outcome.parts.map((p) => `${p.sku}@${p.warehouse}:${p.quantity}`),
 *   ['bracket@sh-1:2', 'tv-55@gz-1:1'], // parts are listed by SKU
 * );
 * await db.destroy();
 * ```
 *
 * @group Orders
 */
export interface OrderLine {
  /** The SKU. */
  sku: string;
  /** Units, a positive integer. */
  quantity: number;
  /** Serve the line from this warehouse only, instead of letting the split strategy choose. */
  warehouse?: string;
  /** Serve the line from this flash-sale activity's allocation. */
  activityId?: string;
}

/**
 * What the inventory deducts for: an order with its unique sequence number.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type Order, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db, allocation: { strategy: 'nearest' } });
 * await stock.defineWarehouse({ code: 'sh-1', region: 'east' });
 * await stock.defineWarehouse({ code: 'gz-1', region: 'south' });
 * await stock.defineSku({ sku: 'phone-128' });
 * for (const warehouse of ['sh-1', 'gz-1'])
 *   await stock.restock({ sku: 'phone-128', warehouse, quantity: 5, receiptNo: `GRN-${warehouse}` });
 *
 * const order: Order = {
 *   orderNo: 'SO-2025-0001', // your order's number: every retry with it is safe
 *   lines: [{ sku: 'phone-128', quantity: 2 }],
 *   region: 'south', // ships to the south: the nearest warehouse serves it
 * };
 * const first = await stock.deduct(order);
 * assert.equal(first.shippingWarehouse, 'gz-1');
 * assert.equal((await stock.deduct(order)).replayed, true); // a retry deducts nothing more
 * assert.equal((await stock.query(['phone-128']))[0]?.reserved, 2);
 * await db.destroy();
 * ```
 *
 * @group Orders
 */
export interface Order {
  /**
   * The order's unique sequence number: the idempotency key of every stock write for it.
   * A retry with the same number returns the first outcome; the same number with other
   * lines is an `ORDER_CONFLICT`.
   */
  orderNo: string;
  /** The lines, one per SKU. */
  lines: readonly OrderLine[];
  /** Where the order ships to, for the "nearest warehouse" strategy. */
  region?: string;
}
