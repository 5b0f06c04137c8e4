import type { Pool } from 'mysql2/promise';
import type { CheckpointStore } from '../../checkpoints/CheckpointStore.js';

/**
 * Options of {@link SnapshotSource}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ChangeEvent, MemoryCheckpointStore } from '@mallkit/sync';
 * import { SnapshotSource, type SnapshotSourceOptions } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const url = process.env['BINLOG_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
 * const pool = createPool({ uri: url });
 * await pool.query('DROP DATABASE IF EXISTS doc_snapshot_options');
 * await pool.query('CREATE DATABASE doc_snapshot_options');
 * await pool.query('CREATE TABLE doc_snapshot_options.stock (id INT PRIMARY KEY, qty INT)');
 * await pool.query('INSERT INTO doc_snapshot_options.stock VALUES (1, 10), (2, 20), (3, 30), (4, 40), (5, 50)');
 *
 * const checkpoints = new MemoryCheckpointStore();
 * const options: SnapshotSourceOptions = {
 *   pool,
 *   tables: ['doc_snapshot_options.stock'],
 *   name: 'stock-snapshot', // in change ids: '<name>:<position>:<table>:<key>'
 *   chunkSize: 2, // two rows per SELECT and per publish
 *   checkpoints,
 *   continueAs: 'stock-cdc', // the BinlogSource that continues from the snapshot
 *   retryDelayMs: 100,
 *   maxRetryDelayMs: 5_000,
 * };
 * const batches: ChangeEvent[][] = [];
 * const { position } = await new SnapshotSource(options).run({
 *   publish: async (changes) => { batches.push([...changes]); },
 * });
 * assert.deepEqual(batches.map((batch) => batch.length), [2, 2, 1]);
 * assert.equal(batches[0]?.[0]?.id, `stock-snapshot:${position}:doc_snapshot_options.stock:1`);
 * assert.equal(await checkpoints.load('stock-cdc'), position);
 * await pool.query('DROP DATABASE doc_snapshot_options');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export interface SnapshotSourceOptions {
  /** Your mysql2 pool (promise API); the snapshot borrows one connection for its transaction and never ends the pool. */
  pool: Pool;
  /** The tables to read, `'schema.table'` (unqualified names use the pool's database). */
  tables: readonly string[];
  /**
   * Name of the source, in change ids and events.
   * @default 'snapshot'
   */
  name?: string;
  /**
   * Rows per chunk (one `SELECT ... ORDER BY <primary key> LIMIT n` and one publish).
   * @default 1000
   */
  chunkSize?: number;
  /**
   * Where to save the binlog position the snapshot is consistent with, once every
   * row was published, under the name `continueAs`.
   * @default none: nothing is saved
   */
  checkpoints?: CheckpointStore;
  /**
   * The binlog source's name whose checkpoint receives the snapshot's position,
   * so it continues exactly where the snapshot stands (needs `checkpoints`).
   * @default none
   */
  continueAs?: string;
  /**
   * First wait before re-publishing a chunk the sink rejected; doubles per attempt.
   * @default 500
   */
  retryDelayMs?: number;
  /**
   * Longest wait between attempts.
   * @default 30_000
   */
  maxRetryDelayMs?: number;
}
