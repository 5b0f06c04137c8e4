import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { ProductStockUpdate } from './ProductStockUpdate.js';
import type { SqlExecutor } from './SqlExecutor.js';

/** Settings of {@link productStockConsumer}. */
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
