/**
 * What a finished snapshot read.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseBinlogPosition, type SnapshotResult, SnapshotSource } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const url = process.env['BINLOG_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
 * const pool = createPool({ uri: url });
 * await pool.query('DROP DATABASE IF EXISTS doc_snapshot_result');
 * await pool.query('CREATE DATABASE doc_snapshot_result');
 * await pool.query('CREATE TABLE doc_snapshot_result.products (id INT PRIMARY KEY, price INT)');
 * await pool.query('CREATE TABLE doc_snapshot_result.stock (sku VARCHAR(32) PRIMARY KEY, qty INT)');
 * await pool.query('INSERT INTO doc_snapshot_result.products VALUES (1, 999), (2, 450), (3, 120)');
 * await pool.query("INSERT INTO doc_snapshot_result.stock VALUES ('phone-128', 7)");
 *
 * const snapshot = new SnapshotSource({
 *   pool,
 *   tables: ['doc_snapshot_result.products', 'doc_snapshot_result.stock'],
 * });
 * const result: SnapshotResult = await snapshot.run({ publish: async () => {} });
 * assert.deepEqual(result.tables, { 'doc_snapshot_result.products': 3, 'doc_snapshot_result.stock': 1 });
 * assert.equal(result.rows, 4);
 * assert.ok(parseBinlogPosition(result.position)); // 'file:offset': start a BinlogSource there
 * assert.ok(result.durationMs >= 0);
 * await pool.query('DROP DATABASE doc_snapshot_result');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export interface SnapshotResult {
  /**
   * The binlog position (`'file:offset'`) the snapshot is consistent with: every
   * transaction committed before it is in the snapshot, none after it. A binlog
   * source started there misses nothing and repeats nothing.
   */
  position: string;
  /** Rows published, per table (`'schema.table'`). */
  tables: Record<string, number>;
  /** Rows published in all. */
  rows: number;
  /** How long it took, in ms. */
  durationMs: number;
}
