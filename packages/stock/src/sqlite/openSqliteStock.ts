import { DatabaseSync } from 'node:sqlite';
import { Kysely, SqliteDialect } from 'kysely';
import type { StockDatabase } from '../schema/StockDatabase.js';
import { NodeSqliteDatabase } from './NodeSqliteDatabase.js';

/**
 * Options of {@link openSqliteStock}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { mkdtempSync, rmSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { migrateStock } from '@mallkit/stock';
 * import { type OpenSqliteStockOptions, openSqliteStock } from '@mallkit/stock/sqlite';
 * import { sql } from 'kysely';
 *
 * const dir = mkdtempSync(join(tmpdir(), 'stock-'));
 * const options: OpenSqliteStockOptions = {
 *   path: join(dir, 'stock.db'), // a file that several processes may open
 *   busyTimeoutMs: 10_000, // how long a write waits for another process's
 * };
 * const db = openSqliteStock(options);
 * await migrateStock(db);
 * const { rows } = await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(db);
 * assert.equal(rows[0]?.timeout, 10_000);
 * await db.destroy();
 * rmSync(dir, { recursive: true });
 * ```
 *
 * @group SQLite
 */
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
 * import assert from 'node:assert/strict';
 * import { mkdtempSync, rmSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const dir = mkdtempSync(join(tmpdir(), 'stock-'));
 * const path = join(dir, 'stock.db'); // or no path: in memory
 * const db = openSqliteStock({ path });
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * await db.destroy(); // yours to close
 *
 * const reopened = openSqliteStock({ path }); // the stock is still there
 * const [view] = await new StockService({ db: reopened }).query(['tv-55']);
 * assert.equal(view?.physical, 10);
 * await reopened.destroy();
 * rmSync(dir, { recursive: true });
 * ```
 *
 * @group SQLite
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
