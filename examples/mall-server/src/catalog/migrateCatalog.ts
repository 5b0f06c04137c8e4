import { migrateStock } from '@mallkit/stock';
import type { Kysely } from 'kysely';
import type { MallDatabase } from './MallDatabase.ts';

/** Creates the inventory's tables (`migrateStock`) and the catalogue's, when missing. */
export async function migrateCatalog(db: Kysely<MallDatabase>): Promise<void> {
  await migrateStock(db);
  await db.schema
    .createTable('product')
    .ifNotExists()
    .addColumn('sku', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('category', 'varchar(64)', (c) => c.notNull())
    .addColumn('price_cents', 'integer', (c) => c.notNull())
    .addColumn('description', 'varchar(2000)', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('product_category_sku')
    .ifNotExists()
    .on('product')
    .columns(['category', 'sku'])
    .execute()
    .catch((error: unknown) => {
      // MySQL has no CREATE INDEX IF NOT EXISTS before 8.0.29; MariaDB does.
      if (!String(error).includes('Duplicate key name')) throw error;
    });
  await db.schema
    .createTable('mall_setting')
    .ifNotExists()
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'varchar(2000)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('product_stock')
    .ifNotExists()
    .addColumn('sku', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('available', 'integer', (c) => c.notNull())
    .addColumn('stock_version', 'bigint', (c) => c.notNull())
    .execute();
}
