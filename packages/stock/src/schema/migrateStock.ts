import { type Migration, Migrator } from 'kysely/migration';
import type { AnyKysely } from '../dialect/AnyKysely.js';
import { detectDialect } from '../dialect/detectDialect.js';
import { StockError } from '../errors/StockError.js';
import { m001Initial } from './migrations/m001_initial.js';

/** What {@link migrateStock} applied. */
export interface MigrateStockResult {
  /** Names of the migrations run by this call, oldest first (empty when up to date). */
  applied: string[];
}

/**
 * Creates or upgrades the `stock_*` tables. Safe to run from several processes
 * at once: kysely's migrator takes a lock table (`stock_migration_lock`).
 *
 * @example
 * ```ts
 * import { Kysely, MysqlDialect } from 'kysely';
 * import { createPool } from 'mysql2';
 * import { migrateStock } from '@mallkit/stock';
 *
 * const db = new Kysely({
 *   dialect: new MysqlDialect({ pool: createPool('mysql://root@127.0.0.1:3306/shop') }),
 * });
 * const { applied } = await migrateStock(db);
 * console.log(applied);
 * ```
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
