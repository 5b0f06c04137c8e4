import type { Pool, RowDataPacket } from 'mysql2/promise';
import { SyncError } from '../errors/SyncError.js';
import { mysqlErrno } from '../mysql/mysqlErrno.js';
import { quoteTable } from '../mysql/quoteTable.js';
import type { CheckpointStore } from './CheckpointStore.js';
import type { MysqlCheckpointStoreOptions } from './MysqlCheckpointStoreOptions.js';

/**
 * Positions in a small MySQL/MariaDB table (`source` primary key, `position`,
 * `updated_at`), upserted in autocommit mode: `save` resolves once the row is
 * committed, so a restarted source resumes from it. Put it in the database
 * whose changes you capture or anywhere else the pool reaches.
 *
 * With `createTable: false`, a table that does not exist makes `load` and `save` reject
 * with `SOURCE_MISCONFIGURED` naming it (so a `BinlogSource` refuses to start); with the
 * default `createTable: true`, a table dropped while in use is created again by the next
 * call, and the call that found it missing rejects with `SOURCE_UNAVAILABLE`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MysqlCheckpointStore } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const pool = createPool({ uri: process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' });
 * // the table is created on first use (or give createTable: false and use tableDdl in a migration)
 * const checkpoints = new MysqlCheckpointStore({ pool, table: 'doc_mysql_checkpoints' });
 * await checkpoints.save('binlog', 'mariadb-bin.000003:4711');
 * await checkpoints.save('binlog', 'mariadb-bin.000003:5120'); // an upsert, committed once it resolves
 * assert.equal(await checkpoints.load('binlog'), 'mariadb-bin.000003:5120');
 * assert.equal(await checkpoints.load('outbox'), undefined);
 *
 * // what a restarted process reads back
 * const restarted = new MysqlCheckpointStore({ pool, table: 'doc_mysql_checkpoints' });
 * assert.equal(await restarted.load('binlog'), 'mariadb-bin.000003:5120');
 * await pool.query('DROP TABLE doc_mysql_checkpoints');
 * await pool.end();
 * ```
 *
 * @group Checkpoints
 */
export class MysqlCheckpointStore implements CheckpointStore {
  /** The table's name as configured (possibly schema-qualified). */
  readonly table: string;
  readonly #pool: Pool;
  readonly #quoted: string;
  readonly #createTable: boolean;
  #ready: Promise<void> | undefined;

  /** @param options - the pool and table */
  constructor(options: MysqlCheckpointStoreOptions) {
    this.#pool = options.pool;
    this.table = options.table ?? 'mallkit_checkpoints';
    this.#quoted = quoteTable(this.table);
    this.#createTable = options.createTable !== false;
    if (!this.#createTable) this.#ready = Promise.resolve();
  }

  /** `CREATE TABLE IF NOT EXISTS` statement of the checkpoint table named `table`. */
  static tableDdl(table = 'mallkit_checkpoints'): string {
    return `CREATE TABLE IF NOT EXISTS ${quoteTable(table)} (
  source VARCHAR(191) NOT NULL PRIMARY KEY,
  position VARCHAR(1024) NOT NULL,
  updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
)`;
  }

  /** The last saved position of the source. */
  async load(source: string): Promise<string | undefined> {
    await this.#init();
    const [rows] = await this.#query<RowDataPacket[]>(
      `SELECT position FROM ${this.#quoted} WHERE source = ?`,
      [source],
    );
    const position: unknown = rows[0]?.['position'];
    return typeof position === 'string' ? position : undefined;
  }

  /** Saves the source's position (committed before it resolves). */
  async save(source: string, position: string): Promise<void> {
    await this.#init();
    await this.#query(
      `INSERT INTO ${this.#quoted} (source, position, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP(3))
       ON DUPLICATE KEY UPDATE position = VALUES(position), updated_at = VALUES(updated_at)`,
      [source, position],
    );
  }

  #init(): Promise<void> {
    this.#ready ??= this.#query(MysqlCheckpointStore.tableDdl(this.table), []).then(
      () => undefined,
      (error: unknown) => {
        this.#ready = undefined;
        throw error;
      },
    );
    return this.#ready;
  }

  async #query<T extends RowDataPacket[] | object>(
    sql: string,
    values: unknown[],
  ): Promise<[T, unknown]> {
    try {
      return (await this.#pool.query(sql, values)) as [T, unknown];
    } catch (error) {
      throw this.#failure(error);
    }
  }

  #failure(error: unknown): SyncError {
    const reason = error instanceof Error ? error.message : String(error);
    if (mysqlErrno(error) === 1146 && !this.#createTable) {
      return new SyncError(
        'SOURCE_MISCONFIGURED',
        `checkpoint table ${this.table} does not exist: create it with MysqlCheckpointStore.tableDdl('${this.table}') (in a migration), or leave createTable on (${reason})`,
        { cause: error },
      );
    }
    if (mysqlErrno(error) === 1146) {
      this.#ready = undefined; // dropped while in use: the next call creates it again
      return new SyncError(
        'SOURCE_UNAVAILABLE',
        `checkpoint table ${this.table} was dropped; the next call creates it again (${reason})`,
        { cause: error },
      );
    }
    return new SyncError('SOURCE_UNAVAILABLE', `checkpoint table ${this.table}: ${reason}`, {
      cause: error,
    });
  }
}
