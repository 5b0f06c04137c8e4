import { type Kysely, sql } from 'kysely';
import type { SqlDialect } from '../../dialect/SqlDialect.js';

/**
 * The first schema: SKUs, warehouses, stock levels, reservations (orders),
 * the deduction log, the ledger, flash-sale activities and idempotency records.
 */
const sqlNonNegative = (column: string) => sql`${sql.ref(column)} >= 0`;

export async function m001Initial(db: Kysely<unknown>, dialect: SqlDialect): Promise<void> {
  const key = 'varchar(64)';
  await db.schema
    .createTable('stock_sku')
    .addColumn('sku', key, (c) => c.primaryKey())
    .addColumn('shards', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('strategy', 'varchar(16)')
    .addColumn('low_threshold', 'integer')
    .addColumn('low_clear', 'integer')
    .addColumn('low_raised', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('stock_warehouse')
    .addColumn('code', key, (c) => c.primaryKey())
    .addColumn('region', key, (c) => c.notNull().defaultTo(''))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('stock_level')
    .addColumn('sku', key, (c) => c.notNull())
    .addColumn('warehouse', key, (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('physical', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sqlNonNegative('physical')),
    )
    .addColumn('reserved', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sqlNonNegative('reserved')),
    )
    .addColumn('safety', 'integer', (c) => c.notNull().defaultTo(0).check(sqlNonNegative('safety')))
    .addColumn('activity', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sqlNonNegative('activity')),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fence', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('stock_level_pk', ['sku', 'warehouse', 'shard'])
    .execute();
  await db.schema
    .createTable('stock_order')
    .addColumn('order_no', key, (c) => c.primaryKey())
    .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('strategy', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stock_order_expiry')
    .on('stock_order')
    .columns(['status', 'expires_at'])
    .execute();
  await db.schema
    .createTable('stock_deduction')
    .addColumn('order_no', key, (c) => c.notNull())
    .addColumn('sku', key, (c) => c.notNull())
    .addColumn('warehouse', key, (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('refunded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('activity_id', key, (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('stock_deduction_pk', ['order_no', 'sku', 'warehouse', 'shard'])
    .execute();
  await db.schema
    .createTable('stock_ledger')
    .addColumn('id', dialect.name === 'sqlite' ? 'integer' : 'bigint', (c) =>
      c.primaryKey().autoIncrement(),
    )
    .addColumn('sku', key, (c) => c.notNull())
    .addColumn('warehouse', key, (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('ref', key, (c) => c.notNull())
    .addColumn('d_physical', 'integer', (c) => c.notNull())
    .addColumn('d_reserved', 'integer', (c) => c.notNull())
    .addColumn('d_safety', 'integer', (c) => c.notNull())
    .addColumn('d_activity', 'integer', (c) => c.notNull())
    .addColumn('physical_after', 'integer', (c) => c.notNull())
    .addColumn('reserved_after', 'integer', (c) => c.notNull())
    .addColumn('safety_after', 'integer', (c) => c.notNull())
    .addColumn('activity_after', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stock_ledger_row')
    .on('stock_ledger')
    .columns(['sku', 'warehouse', 'shard'])
    .execute();
  await db.schema
    .createTable('stock_activity')
    .addColumn('activity_id', key, (c) => c.notNull())
    .addColumn('sku', key, (c) => c.notNull())
    .addColumn('warehouse', key, (c) => c.notNull())
    .addColumn('allocated', 'integer', (c) => c.notNull())
    .addColumn('sold', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('strategy', 'varchar(16)', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_activity_pk', ['activity_id', 'sku', 'warehouse'])
    .execute();
  await db.schema
    .createTable('stock_operation')
    .addColumn('op_key', 'varchar(160)', (c) => c.primaryKey())
    .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}
