import type { ConnectionOptions, Pool } from 'mysql2/promise';
import type { CheckpointStore } from '../../checkpoints/CheckpointStore.js';
import type { ChangeFilter } from '../../filters/ChangeFilter.js';
import type { ChangeFilterOptions } from '../../filters/ChangeFilterOptions.js';

/**
 * Options of {@link BinlogSource}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import type { ChangeEvent } from '@mallkit/sync';
 * import {
 *   BinlogSource, type BinlogSourceOptions, compareBinlogPositions, MysqlCheckpointStore,
 *   parseBinlogPosition,
 * } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const url = process.env['BINLOG_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
 * const pool = createPool({ uri: url });
 * await pool.query('DROP DATABASE IF EXISTS doc_binlog_options');
 * await pool.query('CREATE DATABASE doc_binlog_options');
 * await pool.query('CREATE TABLE doc_binlog_options.stock (id INT PRIMARY KEY, qty INT)');
 * await pool.query('INSERT INTO doc_binlog_options.stock VALUES (1, 10), (2, 20)');
 *
 * const checkpoints = new MysqlCheckpointStore({ pool, table: 'doc_binlog_options.checkpoints' });
 * const options: BinlogSourceOptions = {
 *   connection: url,
 *   pool,
 *   checkpoints, // durable: a restart resumes where the sink accepted everything
 *   name: 'stock-cdc', // the checkpoint's key and ChangeEvent.source
 *   filter: { tables: ['doc_binlog_options.stock'] },
 *   startAt: 'snapshot', // no checkpoint yet: the table as it is first, then the binlog
 *   onPositionLost: 'snapshot', // the checkpoint was purged: snapshot again instead of failing
 *   maxBatchSize: 100,
 *   retryDelayMs: 200,
 * };
 * const received: ChangeEvent[] = [];
 * const source = new BinlogSource(options);
 * await source.start({ publish: async (changes) => { received.push(...changes); } });
 * assert.deepEqual(received.map((c) => `${c.op} ${c.key}`), ['snapshot 1', 'snapshot 2']);
 * await source.stop();
 * const saved = parseBinlogPosition((await checkpoints.load('stock-cdc')) ?? '');
 * const snapshotAt = parseBinlogPosition(received[0]?.position ?? '');
 * assert.ok(saved && snapshotAt && compareBinlogPositions(saved, snapshotAt) >= 0);
 * await pool.query('DROP DATABASE doc_binlog_options');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export interface BinlogSourceOptions {
  /**
   * mysql2 settings (or a `mysql://` URL) of the account that reads the binlog;
   * it needs REPLICATION SLAVE and REPLICATION CLIENT (MariaDB: BINLOG MONITOR)
   * and SELECT on what you capture. zongji opens its own two connections with
   * them and closes them on stop.
   */
  connection: ConnectionOptions | string;
  /**
   * Your mysql2 pool (promise API) for metadata queries and snapshots; borrowed,
   * never ended.
   * @default a pool of the source's own from `connection`, ended on stop
   */
  pool?: Pool;
  /**
   * Where the position is kept; use a durable store (MysqlCheckpointStore) in production.
   * @default a MemoryCheckpointStore (lost on restart)
   */
  checkpoints?: CheckpointStore;
  /**
   * Name of the source: its checkpoint key, `ChangeEvent.source`, event field.
   * @default 'binlog'
   */
  name?: string;
  /**
   * Replication server id the source announces; unique among the server's replicas and readers.
   * @default a random id in [100000, 4294967295)
   */
  serverId?: number;
  /**
   * Where to start when there is no checkpoint: `'end'` (only new changes),
   * `'snapshot'` (a snapshot of `snapshotTables` first, then the binlog from the
   * snapshot's position; `start` resolves once the snapshot is published), or a
   * position `'file:offset'` (e.g. from a SnapshotSource).
   * @default 'end'
   */
  startAt?: 'end' | 'snapshot' | (string & {});
  /**
   * When the checkpointed position was purged from the server: `'fail'` (start
   * rejects with POSITION_LOST) or `'snapshot'` (a snapshot of `snapshotTables`,
   * published to the sink, then the binlog from its position). Both emit `positionLost`.
   * @default 'fail'
   */
  onPositionLost?: 'fail' | 'snapshot';
  /**
   * Tables a snapshot reads (`startAt: 'snapshot'`, `onPositionLost: 'snapshot'`).
   * @default the `filter.tables` entries without wildcards
   */
  snapshotTables?: readonly string[];
  /**
   * Rows per snapshot chunk.
   * @default 1000
   */
  snapshotChunkSize?: number;
  /**
   * Which changes are published: tables, excluded columns, predicate. Simple
   * table patterns (`'schema.table'`, `'schema.*'`) are also handed to zongji,
   * so rows of other tables are not even decoded.
   * @default everything
   */
  filter?: ChangeFilter | ChangeFilterOptions;
  /**
   * Most changes per `sink.publish` call (a larger transaction is split; its
   * checkpoint moves only at its commit).
   * @default 500
   */
  maxBatchSize?: number;
  /**
   * Decoded rows waiting for the sink before the source stops reading the
   * binlog (the server then holds the rest); reading resumes at half of it.
   * @default 10_000
   */
  maxQueuedRows?: number;
  /**
   * First wait before re-publishing a batch the sink rejected, and before
   * reconnecting after a connection failure; doubles per attempt.
   * @default 500
   */
  retryDelayMs?: number;
  /**
   * Longest wait between attempts.
   * @default 30_000
   */
  maxRetryDelayMs?: number;
  /**
   * How often the position is saved when it only moved past transactions
   * without published changes (published batches are checkpointed at once).
   * @default 10_000
   */
  idleCheckpointMs?: number;
}
