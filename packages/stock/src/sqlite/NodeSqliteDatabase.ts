import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Lets kysely's `SqliteDialect` run on Node's built-in `node:sqlite`, so the
 * embedded mode needs no native addon and no compiler. Pass your own
 * `DatabaseSync`; `close()` closes it, as kysely's `destroy()` expects.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DatabaseSync } from 'node:sqlite';
 * import { migrateStock, type StockDatabase, StockService } from '@mallkit/stock';
 * import { NodeSqliteDatabase } from '@mallkit/stock/sqlite';
 * import { Kysely, SqliteDialect } from 'kysely';
 *
 * const sqlite = new DatabaseSync(':memory:'); // opened with the settings you choose
 * sqlite.exec('PRAGMA foreign_keys = ON');
 * const db = new Kysely<StockDatabase>({
 *   dialect: new SqliteDialect({ database: new NodeSqliteDatabase(sqlite) }),
 * });
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * assert.equal((await stock.query(['tv-55']))[0]?.sellable, 10);
 * await db.destroy(); // closes `sqlite` too
 * assert.equal(sqlite.isOpen, false);
 * ```
 *
 * @group SQLite
 */
export class NodeSqliteDatabase implements SqliteDatabase {
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, NodeSqliteStatement>();

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Closes the wrapped database (kysely's `destroy()` calls it). */
  close(): void {
    this.#statements.clear();
    this.#db.close();
  }

  /** Prepares a statement, reusing the compiled one for SQL seen before. */
  prepare(sql: string): SqliteStatement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = new NodeSqliteStatement(this.#db.prepare(sql));
      if (this.#statements.size >= 500) this.#statements.clear();
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}

class NodeSqliteStatement implements SqliteStatement {
  readonly reader: boolean;
  readonly #statement: StatementSync;

  constructor(statement: StatementSync) {
    this.#statement = statement;
    this.reader = statement.columns().length > 0;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#statement.all(...(parameters as SQLInputValue[]));
  }

  run(parameters: ReadonlyArray<unknown>): {
    changes: number | bigint;
    lastInsertRowid: number | bigint;
  } {
    return this.#statement.run(...(parameters as SQLInputValue[]));
  }

  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#statement.iterate(...(parameters as SQLInputValue[]));
  }
}
