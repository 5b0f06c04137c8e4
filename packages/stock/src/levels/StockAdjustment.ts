/**
 * Units received into a warehouse, as `restock` takes them.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type Restock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 *
 * const receipt: Restock = { sku: 'phone-128', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' };
 * await stock.restock(receipt);
 * await stock.restock(receipt); // the warehouse system sent the receipt twice: applied once
 * assert.equal((await stock.query(['phone-128']))[0]?.physical, 10);
 * // the same receipt number with other content is a bug upstream, not a retry
 * await assert.rejects(stock.restock({ ...receipt, quantity: 12 }), { code: 'ORDER_CONFLICT' });
 * await db.destroy();
 * ```
 *
 * @group Stock levels
 */
export interface Restock {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units received, a positive integer. */
  quantity: number;
  /** Unique number of the receipt: the idempotency key of the restock. */
  receiptNo: string;
}

/**
 * A physical count from the warehouse system, as `setPhysical` takes it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type PhysicalCount, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * await stock.deduct({ orderNo: 'SO-1', lines: [{ sku: 'phone-128', quantity: 2 }] });
 *
 * // a sync read physical = 10, and the warehouse counted 9 on the shelf (one unit lost)
 * const count: PhysicalCount = { sku: 'phone-128', warehouse: 'sh-1', physical: 9, expected: 10 };
 * await stock.confirm('SO-1'); // meanwhile SO-1 was paid: physical is now 8
 * await assert.rejects(stock.setPhysical(count), { code: 'CONCURRENCY_CONFLICT' });
 * // the sync reads again (8) and takes a new count: the paid units left, one is lost
 * await stock.setPhysical({ ...count, physical: 7, expected: 8 });
 * await stock.setPhysical({ sku: 'phone-128', warehouse: 'sh-1', physical: 7 }); // idempotent
 * assert.equal((await stock.query(['phone-128']))[0]?.physical, 7);
 * await db.destroy();
 * ```
 *
 * @group Stock levels
 */
export interface PhysicalCount {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units on hand and not yet promised to confirmed orders. */
  physical: number;
  /**
   * Apply the count only if physical stock is still this value (a compare-and-set):
   * a sync that read the stock, fetched the warehouse's count and then writes it
   * must not undo confirmations made in between. A mismatch throws
   * `CONCURRENCY_CONFLICT` and changes nothing.
   */
  expected?: number;
}

/**
 * Units kept back from sale, as `setSafety` takes them.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type SafetyLevel, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 *
 * const level: SafetyLevel = { sku: 'phone-128', warehouse: 'sh-1', safety: 3 }; // for B2B
 * await stock.setSafety(level);
 * const [view] = await stock.query(['phone-128']);
 * assert.deepEqual([view?.physical, view?.safety, view?.sellable], [10, 3, 7]);
 * const order = { orderNo: 'SO-1', lines: [{ sku: 'phone-128', quantity: 8 }] };
 * await assert.rejects(stock.deduct(order), { code: 'INSUFFICIENT_STOCK' });
 * await stock.setSafety({ ...level, safety: 0 }); // released for sale
 * assert.equal((await stock.deduct(order)).status, 'reserved');
 * await db.destroy();
 * ```
 *
 * @group Stock levels
 */
export interface SafetyLevel {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units kept back from sale. */
  safety: number;
}
