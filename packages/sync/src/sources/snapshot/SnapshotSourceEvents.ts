import type { SnapshotResult } from './SnapshotResult.js';

/**
 * Typed events of {@link SnapshotSource}, also on `diagnostics_channel` as `mallkit:sync:snapshot:<name>`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { SnapshotSource } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const url = process.env['BINLOG_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
 * const pool = createPool({ uri: url });
 * await pool.query('DROP DATABASE IF EXISTS doc_snapshot_events');
 * await pool.query('CREATE DATABASE doc_snapshot_events');
 * await pool.query('CREATE TABLE doc_snapshot_events.products (id INT PRIMARY KEY, price INT)');
 * await pool.query('INSERT INTO doc_snapshot_events.products VALUES (1, 999), (2, 450)');
 *
 * const snapshot = new SnapshotSource({ pool, tables: ['doc_snapshot_events.products'], retryDelayMs: 1 });
 * const log: string[] = [];
 * snapshot.events.on('started', ({ tables }) => log.push(`started: ${tables.join()}`));
 * snapshot.events.on('publishFailed', ({ attempt, error }) => log.push(`attempt ${attempt}: ${error}`));
 * snapshot.events.on('tableFinished', ({ table, rows }) => log.push(`${table}: ${rows} rows`));
 * snapshot.events.on('failed', ({ error }) => log.push(`failed: ${error}`));
 * const finished = new Promise((resolve) => snapshot.events.on('finished', resolve));
 *
 * let calls = 0; // a sink that is down once (Redis restarting): the chunk is published again
 * await snapshot.start({ publish: async () => { if (++calls === 1) throw new Error('sink down'); } });
 * await finished; // `start` runs in the background; `run` would resolve to the result
 * assert.deepEqual(log, [
 *   'started: doc_snapshot_events.products',
 *   'attempt 1: Error: sink down',
 *   'doc_snapshot_events.products: 2 rows',
 * ]);
 * await pool.query('DROP DATABASE doc_snapshot_events');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export interface SnapshotSourceEvents {
  /** The consistent snapshot is open; rows follow. */
  started: {
    /** Name of the source. */
    source: string;
    /** The binlog position the snapshot is consistent with. */
    position: string;
    /** The tables it reads. */
    tables: readonly string[];
  };
  /** A table was read completely. */
  tableFinished: {
    /** Name of the source. */
    source: string;
    /** `'schema.table'`. */
    table: string;
    /** Rows published. */
    rows: number;
  };
  /** The sink rejected a chunk; it is published again after `retryInMs`. */
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
  /** Every row was published (and the position saved when so configured). */
  finished: SnapshotResult & {
    /** Name of the source. */
    source: string;
  };
  /** The snapshot failed (or was stopped); nothing was saved. */
  failed: {
    /** Name of the source. */
    source: string;
    /** Why. */
    error: unknown;
  };
}
