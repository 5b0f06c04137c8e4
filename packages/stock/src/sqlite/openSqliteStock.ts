import { DatabaseSync } from 'node:sqlite';
import { Kysely, SqliteDialect } from 'kysely';
import type { StockDatabase } from '../schema/StockDatabase.js';
import { NodeSqliteDatabase } from './NodeSqliteDatabase.js';

/** Options of {@link openSqliteStock}. */
export interface OpenSqliteStockOptions {
  /**
   * File of the database, or `':memory:'` for one that lives as long as the process.
   * @default ':memory:'
   */
  path?: string;
  /**
   * How long a statement waits for another process's write lock before failing, in ms.
   * @default 5000
   */
  busyTimeoutMs?: number;
}

/**
 * Opens a SQLite database for the embedded mode on `node:sqlite`, in WAL mode
 * with a busy timeout. The caller owns the result: `await db.destroy()` closes it.
 *
 * @example
 * ```ts
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock({ path: 'stock.db' });
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * ```
 */
export function openSqliteStock(options: OpenSqliteStockOptions = {}): Kysely<StockDatabase> {
  const sqlite = new DatabaseSync(options.path ?? ':memory:');
  sqlite.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  sqlite.exec('PRAGMA journal_mode = WAL');
  sqlite.exec('PRAGMA synchronous = NORMAL');
  return new Kysely<StockDatabase>({
    dialect: new SqliteDialect({ database: new NodeSqliteDatabase(sqlite) }),
  });
}
