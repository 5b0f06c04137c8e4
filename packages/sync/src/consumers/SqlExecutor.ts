/**
 * What {@link productStockConsumer} needs of a database: running one parameterised
 * statement. A mysql2/promise `Pool` or `Connection` fits as it is (`execute`); wrap
 * other drivers in one line.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DatabaseSync } from 'node:sqlite';
 * import { type ChangeEvent, productStockConsumer, type SqlExecutor } from '@mallkit/sync';
 *
 * const sqlite = new DatabaseSync(':memory:');
 * sqlite.exec(`CREATE TABLE product_stock (
 *   sku TEXT PRIMARY KEY, available INTEGER NOT NULL, stock_version INTEGER NOT NULL)`);
 * const statements: string[] = [];
 * const db: SqlExecutor = { // node:sqlite, with a log of what runs
 *   execute: async (sql, params) => {
 *     statements.push(sql);
 *     return sqlite.prepare(sql).run(...params);
 *   },
 * };
 * const apply = productStockConsumer({
 *   db,
 *   dialect: 'sqlite',
 *   map: ({ key, after }) => ({ sku: key, available: Number(after?.['available']), version: 1 }),
 * });
 * const change: ChangeEvent = {
 *   id: 'binlog:1', source: 'binlog', table: 'shop.stock', op: 'insert', key: 'sku-1',
 *   after: { available: 6 }, at: Date.now(), position: 'binlog:2',
 * };
 * await apply(change, { topic: 'shop.stock', key: 'sku-1', id: 'm-1', body: '', deliveries: 1 });
 * assert.equal(statements.length, 1);
 * assert.match(statements[0] ?? '', /^INSERT INTO "product_stock"/);
 * const row = sqlite.prepare('SELECT * FROM product_stock').get();
 * assert.deepEqual({ ...row }, { sku: 'sku-1', available: 6, stock_version: 1 });
 * sqlite.close();
 * ```
 *
 * @group Consumers
 */
export interface SqlExecutor {
  /** Runs `sql` with `params` bound to its `?` (or `$n`) placeholders; rejects when it failed. */
  execute(sql: string, params: Array<string | number>): Promise<unknown>;
}
