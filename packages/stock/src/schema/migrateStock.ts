import { type Migration, Migrator } from 'kysely/migration';
import type { AnyKysely } from '../dialect/AnyKysely.js';
import { detectDialect } from '../dialect/detectDialect.js';
import { StockError } from '../errors/StockError.js';
import { m001Initial } from './migrations/m001_initial.js';

/**
 * What {@link migrateStock} applied.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type MigrateStockResult, migrateStock } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * const first: MigrateStockResult = await migrateStock(db);
 * assert.deepEqual(first.applied, ['001_initial']); // a new database: the tables are created
 * const again = await migrateStock(db);
 * assert.deepEqual(again.applied, []); // up to date: nothing to do
 * await db.destroy();
 * ```
 *
 * @group Schema
 */
export interface MigrateStockResult {
  /** Names of the migrations run by this call, oldest first (empty when up to date). */
  applied: string[];
}

/**
 * Creates or upgrades the `stock_*` tables. Safe to run from several processes
 * at once: kysely's migrator takes a lock table (`stock_migration_lock`). Until it has
 * run on a database, every `StockService` call on it rejects with `SCHEMA_MISSING`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type StockDatabase } from '@mallkit/stock';
 * import { Kysely, MysqlDialect } from 'kysely';
 * import { createPool } from 'mysql2';
 *
 * const url = process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test';
 * const db = new Kysely<StockDatabase>({
 *   dialect: new MysqlDialect({ pool: createPool({ uri: url, connectionLimit: 4 }) }),
 * });
 * // every process may run it at start-up: they take turns on the lock table
 * const runs = await Promise.all([migrateStock(db), migrateStock(db)]);
 * assert.ok(runs.flatMap((r) => r.applied).length <= 1); // applied once, or already up to date
 * assert.deepEqual((await migrateStock(db)).applied, []); // up to date: nothing to do
 * const tables = (await db.introspection.getTables()).map((t) => t.name);
 * assert.ok(['stock_level', 'stock_order', 'stock_ledger'].every((t) => tables.includes(t)));
 * await db.destroy();
 * ```
 *
 * @group Schema
 */
export async function migrateStock(db: AnyKysely): Promise<MigrateStockResult> {
  const dialect = detectDialect(db);
  const migrations: Record<string, Migration> = {
    '001_initial': { up: (d) => m001Initial(d, dialect) },
  };
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'stock_migration',
    migrationLockTableName: 'stock_migration_lock',
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new StockError('STORE_UNAVAILABLE', `stock schema migration failed: ${String(error)}`, {
      cause: error,
    });
  }
  return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
