/**
 * The stock of one product as {@link productStockConsumer} writes it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DatabaseSync } from 'node:sqlite';
 * import { type ChangeEvent, productStockConsumer, type ProductStockUpdate } from '@mallkit/sync';
 *
 * const sqlite = new DatabaseSync(':memory:');
 * sqlite.exec(`CREATE TABLE product_stock (
 *   sku TEXT PRIMARY KEY, available INTEGER NOT NULL, stock_version INTEGER NOT NULL)`);
 * type Line = { sku: string; units: number };
 * const apply = productStockConsumer({
 *   db: { execute: async (sql, params) => sqlite.prepare(sql).run(...params) },
 *   dialect: 'sqlite',
 *   // one warehouse count covers several products: one update each
 *   map: (change): ProductStockUpdate[] =>
 *     ((change.after?.['lines'] ?? []) as Line[]).map((line) => ({
 *       sku: line.sku,
 *       available: line.units,
 *       version: BigInt(change.position), // the outbox sequence: increasing
 *     })),
 * });
 * const count: ChangeEvent = {
 *   id: 'outbox:900', source: 'outbox', table: 'warehouse.counted', op: 'event', key: 'wh-1',
 *   after: { lines: [{ sku: 'a', units: 3 }, { sku: 'b', units: 0 }] }, at: 0, position: '900',
 * };
 * await apply(count, { topic: 'warehouse', key: 'wh-1', id: count.id, body: '', deliveries: 1 });
 * const rows = sqlite.prepare('SELECT * FROM product_stock ORDER BY sku').all();
 * assert.deepEqual(rows.map((row) => ({ ...row })), [
 *   { sku: 'a', available: 3, stock_version: 900 },
 *   { sku: 'b', available: 0, stock_version: 900 },
 * ]);
 * sqlite.close();
 * ```
 *
 * @group Consumers
 */
export interface ProductStockUpdate {
  /** The product's key in the product table (its SKU). */
  sku: string;
  /** Units to show as available. */
  available: number;
  /**
   * Ordering of the change, strictly increasing per SKU at the source (e.g. the stock
   * row's `version` column): a row is overwritten only by a higher version, so
   * redelivered or reordered changes never regress it.
   */
  version: number | bigint;
}
