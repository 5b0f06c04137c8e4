import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { ProductStockUpdate } from './ProductStockUpdate.js';
import type { SqlExecutor } from './SqlExecutor.js';

/**
 * Settings of {@link productStockConsumer}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DatabaseSync } from 'node:sqlite';
 * import {
 *   type ChangeEvent, productStockConsumer, type ProductStockConsumerOptions,
 * } from '@mallkit/sync';
 *
 * const sqlite = new DatabaseSync(':memory:'); // the product system's own table and columns
 * sqlite.exec('CREATE TABLE item (code TEXT PRIMARY KEY, in_stock INTEGER, rev INTEGER)');
 * const options: ProductStockConsumerOptions = {
 *   db: { execute: async (sql, params) => sqlite.prepare(sql).run(...params) },
 *   dialect: 'sqlite',
 *   table: 'item',
 *   skuColumn: 'code',
 *   availableColumn: 'in_stock',
 *   versionColumn: 'rev',
 *   map: ({ key, after }) => ({
 *     sku: key,
 *     available: Number(after?.['available']),
 *     version: Number(after?.['version']),
 *   }),
 * };
 * const apply = productStockConsumer(options); // the handler a Consumer runs
 * const level = (version: number, available: number): ChangeEvent => ({
 *   id: `v${version}`, source: 'binlog', table: 'shop.stock', op: 'update', key: 'sku-1',
 *   after: { available, version }, at: Date.now(), position: '',
 * });
 * for (const change of [level(1, 10), level(2, 4), level(1, 10)]) { // the last: a late replay
 *   await apply(change, { topic: 'shop.stock', key: 'sku-1', id: 'm', body: '', deliveries: 1 });
 * }
 * const row = sqlite.prepare('SELECT in_stock, rev FROM item WHERE code = ?').get('sku-1');
 * assert.deepEqual({ ...row }, { in_stock: 4, rev: 2 });
 * sqlite.close();
 * ```
 *
 * @group Consumers
 */
export interface ProductStockConsumerOptions {
  /** The product system's database (a mysql2/promise `Pool`, or any {@link SqlExecutor}). Required. */
  db: SqlExecutor;
  /**
   * The stock updates a change carries (none skips it), e.g. from a `stock_level` row
   * image: `{ sku: after.sku, available: after.physical - after.reserved, version: after.version }`.
   * Required.
   */
  map: (change: ChangeEvent) => ProductStockUpdate | readonly ProductStockUpdate[] | undefined;
  /**
   * The product table (`name` or `schema.name`); its `skuColumn` must be its primary or
   * a unique key.
   * @default 'product_stock'
   */
  table?: string;
  /**
   * Column of the SKU.
   * @default 'sku'
   */
  skuColumn?: string;
  /**
   * Column of the available units.
   * @default 'available'
   */
  availableColumn?: string;
  /**
   * Column of the version the row was last written with (an integer column).
   * @default 'stock_version'
   */
  versionColumn?: string;
  /**
   * SQL dialect of the upsert: `'mysql'` (MySQL, MariaDB: `ON DUPLICATE KEY UPDATE`),
   * `'sqlite'` or `'postgres'` (`ON CONFLICT … DO UPDATE … WHERE`).
   * @default 'mysql'
   */
  dialect?: 'mysql' | 'sqlite' | 'postgres';
}
