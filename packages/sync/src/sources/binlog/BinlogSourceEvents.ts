/**
 * Typed events of {@link BinlogSource}, also on `diagnostics_channel` as `mallkit:sync:binlog:<name>`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { BinlogSource } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const url = process.env['BINLOG_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
 * const pool = createPool({ uri: url });
 * await pool.query('DROP DATABASE IF EXISTS doc_binlog_events');
 * await pool.query('CREATE DATABASE doc_binlog_events');
 * await pool.query('CREATE TABLE doc_binlog_events.stock (id INT PRIMARY KEY, qty INT)');
 *
 * const source = new BinlogSource({ connection: url, pool, filter: { tables: ['doc_binlog_events.*'] } });
 * const log: string[] = [];
 * source.events.on('started', ({ position }) => log.push(`started: ${typeof position}`));
 * source.events.on('ddl', ({ query }) => log.push(`ddl: ${query}`));
 * source.events.on('published', ({ count }) => log.push(`published: ${count}`));
 * source.events.on('publishFailed', ({ error, retryInMs }) => log.push(`retry in ${retryInMs}: ${error}`));
 * source.events.on('stopped', ({ position }) => log.push(`stopped: ${typeof position}`));
 * const published = new Promise((resolve) => source.events.on('published', resolve));
 *
 * await source.start({ publish: async () => {} });
 * await pool.query('ALTER TABLE doc_binlog_events.stock ADD COLUMN reserved INT NOT NULL DEFAULT 0');
 * await pool.query('INSERT INTO doc_binlog_events.stock VALUES (1, 10, 2), (2, 5, 0)');
 * await published;
 * await source.stop();
 * assert.deepEqual(log, [
 *   'started: string',
 *   'ddl: ALTER TABLE doc_binlog_events.stock ADD COLUMN reserved INT NOT NULL DEFAULT 0',
 *   'published: 2',
 *   'stopped: string',
 * ]);
 * await pool.query('DROP DATABASE doc_binlog_events');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export interface BinlogSourceEvents {
  /** Reading started (or restarted after a reconnect) at `position`. */
  started: {
    /** Name of the source. */
    source: string;
    /** Where reading starts, `'file:offset'`. */
    position: string;
  };
  /** The sink accepted a batch. */
  published: {
    /** Name of the source. */
    source: string;
    /** Changes in it. */
    count: number;
    /** Position of its last change. */
    position: string;
  };
  /** The checkpoint was saved. */
  checkpoint: {
    /** Name of the source. */
    source: string;
    /** The saved position: everything before it was accepted by the sink. */
    position: string;
  };
  /** The sink rejected a batch; it is published again after `retryInMs`. */
  publishFailed: {
    /** Name of the source. */
    source: string;
    /** The rejection. */
    error: unknown;
    /** Attempts so far. */
    attempt: number;
    /** Wait before the next attempt. */
    retryInMs: number;
  };
  /** Reading paused: `queuedRows` rows wait for the sink. */
  paused: {
    /** Name of the source. */
    source: string;
    /** Rows waiting. */
    queuedRows: number;
  };
  /** Reading resumed. */
  resumed: {
    /** Name of the source. */
    source: string;
  };
  /** A statement outside a transaction (ALTER, CREATE, DROP, TRUNCATE, ...). TRUNCATE produces no row changes. */
  ddl: {
    /** Name of the source. */
    source: string;
    /** Default schema of the statement. */
    schema: string;
    /** The statement. */
    query: string;
    /** Position after it. */
    position: string;
  };
  /**
   * A data change was logged as a statement (a session used `binlog_format`
   * STATEMENT or MIXED): its rows cannot be captured and are missing.
   */
  statementSkipped: {
    /** Name of the source. */
    source: string;
    /** Default schema of the statement. */
    schema: string;
    /** The statement. */
    query: string;
  };
  /** The checkpointed position no longer exists on the server (binlog purged). */
  positionLost: {
    /** Name of the source. */
    source: string;
    /** The lost position. */
    position: string;
    /** The oldest binlog file the server still has. */
    oldestFile: string | undefined;
    /** What happens now. */
    action: 'fail' | 'snapshot';
  };
  /** A snapshot starts (`'initial'`: no checkpoint and `startAt: 'snapshot'`; `'positionLost'`: fallback). */
  snapshotStarted: {
    /** Name of the source. */
    source: string;
    /** Why. */
    reason: 'initial' | 'positionLost';
    /** The tables it reads. */
    tables: readonly string[];
  };
  /** The snapshot was published; the binlog continues from `position`. */
  snapshotFinished: {
    /** Name of the source. */
    source: string;
    /** The position it is consistent with. */
    position: string;
    /** Rows published. */
    rows: number;
  };
  /** Reading failed (connection lost, server restarted, checkpoint not saved); it reconnects after `retryInMs` from the last checkpoint. */
  error: {
    /** Name of the source. */
    source: string;
    /** What failed. */
    error: unknown;
    /** Wait before reconnecting (0 when reading goes on). */
    retryInMs: number;
  };
  /** Stopped. */
  stopped: {
    /** Name of the source. */
    source: string;
    /** The last checkpoint. */
    position: string | undefined;
  };
}
