/**
 * A snapshot of a {@link BinlogSource}'s progress, from {@link BinlogSource.status}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { BinlogSource, type BinlogSourceStatus } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const url = process.env['BINLOG_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
 * const pool = createPool({ uri: url });
 * await pool.query('DROP DATABASE IF EXISTS doc_binlog_status');
 * await pool.query('CREATE DATABASE doc_binlog_status');
 * await pool.query('CREATE TABLE doc_binlog_status.stock (id INT PRIMARY KEY, qty INT)');
 *
 * const source = new BinlogSource({ connection: url, pool, filter: { tables: ['doc_binlog_status.stock'] } });
 * assert.equal(source.status().state, 'idle');
 * await source.start({ publish: async () => {} });
 * const published = new Promise((resolve) => source.events.on('published', resolve));
 * await pool.query('INSERT INTO doc_binlog_status.stock VALUES (1, 10)');
 * await published;
 *
 * const status: BinlogSourceStatus = source.status(); // e.g. for a health endpoint
 * assert.equal(status.state, 'running');
 * assert.equal(status.paused, false); // the sink keeps up
 * assert.ok(status.lastChangeAt !== undefined && status.lastChangeAt <= Date.now());
 * await source.stop();
 * const stopped = source.status();
 * assert.equal(stopped.state, 'stopped');
 * assert.equal(stopped.checkpoint, stopped.position); // everything accepted was saved
 * await pool.query('DROP DATABASE doc_binlog_status');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export interface BinlogSourceStatus {
  /** `'idle'`, `'starting'`, `'snapshot'` (reading a snapshot), `'running'`, `'reconnecting'`, `'stopped'`, `'failed'`. */
  state: 'idle' | 'starting' | 'snapshot' | 'running' | 'reconnecting' | 'stopped' | 'failed';
  /** The last position up to which the sink accepted everything (saved or about to be). */
  position: string | undefined;
  /** The last saved checkpoint. */
  checkpoint: string | undefined;
  /** Commit time (epoch ms) of the last change the sink accepted. */
  lastChangeAt: number | undefined;
  /** Decoded rows waiting for the sink. */
  queuedRows: number;
  /** Whether reading is paused because the sink is behind. */
  paused: boolean;
  /** The last failure (sink, connection, checkpoint), until the next success. */
  lastError: unknown;
}
