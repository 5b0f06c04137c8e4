import type { Pool } from 'mysql2/promise';

/**
 * Options of {@link MysqlCheckpointStore}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MysqlCheckpointStore, type MysqlCheckpointStoreOptions } from '@mallkit/sync/mysql';
 * import { createPool, type RowDataPacket } from 'mysql2/promise';
 *
 * const pool = createPool({ uri: process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' });
 * await pool.query('DROP TABLE IF EXISTS doc_checkpoint_options');
 * await pool.query(MysqlCheckpointStore.tableDdl('doc_checkpoint_options')); // e.g. in a migration
 *
 * const options: MysqlCheckpointStoreOptions = {
 *   pool, // borrowed: the store never ends it
 *   table: 'doc_checkpoint_options', // a BinlogSource using the store ignores this table's rows
 *   createTable: false, // the migration created it
 * };
 * const checkpoints = new MysqlCheckpointStore(options);
 * await checkpoints.save('binlog', 'mariadb-bin.000001:4');
 * const [rows] = await pool.query<RowDataPacket[]>('SELECT source, position FROM doc_checkpoint_options');
 * assert.deepEqual(rows.map((row) => [row['source'], row['position']]), [['binlog', 'mariadb-bin.000001:4']]);
 * await pool.query('DROP TABLE doc_checkpoint_options');
 * await pool.end();
 * ```
 *
 * @group Checkpoints
 */
export interface MysqlCheckpointStoreOptions {
  /** Your mysql2 pool (promise API); the store borrows connections and never ends it. */
  pool: Pool;
  /**
   * The table, optionally schema-qualified (`'ops.cdc_checkpoints'`). A
   * BinlogSource using this store ignores row changes of tables with this name,
   * so its own checkpoint writes never feed back into it.
   * @default 'mallkit_checkpoints'
   */
  table?: string;
  /**
   * Create the table (`CREATE TABLE IF NOT EXISTS`) on first use, and again when it was
   * dropped. With `false`, a missing table fails `load` and `save` with
   * `SOURCE_MISCONFIGURED`: create it with `MysqlCheckpointStore.tableDdl(table)`.
   * @default true
   */
  createTable?: boolean;
}
