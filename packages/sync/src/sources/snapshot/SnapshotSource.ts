import { EventHub } from '@mallkit/resilience';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import type { ChangeEvent } from '../../changes/ChangeEvent.js';
import { SyncError } from '../../errors/SyncError.js';
import { primaryKeyColumns } from '../../mysql/primaryKeyColumns.js';
import { quoteIdentifier } from '../../mysql/quoteTable.js';
import { formatBinlogPosition } from '../binlog/BinlogPosition.js';
import type { ChangeSink } from '../ChangeSink.js';
import type { ChangeSource } from '../ChangeSource.js';
import { publishWithRetry, type RetryPolicy } from '../publishWithRetry.js';
import { rowKey } from '../rowKey.js';
import { openConsistentSnapshot } from './openConsistentSnapshot.js';
import type { SnapshotResult } from './SnapshotResult.js';
import type { SnapshotSourceEvents } from './SnapshotSourceEvents.js';
import type { SnapshotSourceOptions } from './SnapshotSourceOptions.js';

/**
 * Reads selected tables as they stood at one instant and publishes every row
 * as a change with op `'snapshot'`, so a new consumer starts from a consistent
 * state. It opens a `START TRANSACTION WITH CONSISTENT SNAPSHOT` (REPEATABLE
 * READ, read only) and takes the binlog position that snapshot corresponds to
 * (on MariaDB exactly and without locks, from `binlog_snapshot_file/position`);
 * then it reads each table in primary-key order in chunks of `chunkSize`,
 * publishing each chunk before reading the next (a slow sink slows the read,
 * memory stays bounded). Writes made meanwhile are not in the snapshot but
 * are in the binlog after its position: a {@link BinlogSource} started there
 * (`continueAs` saves the position as its checkpoint) misses none of them.
 *
 * Every row's `position` is the snapshot's binlog position and its id is
 * `<name>:<position>:<table>:<key>`. A snapshot is not resumable: when it
 * fails or is stopped, run it again (consumers deduplicate the rows seen twice).
 * Tables without a primary key are read in one query; the key of their rows is
 * the table name.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ChangeEvent, type ChangeSink, MemoryCheckpointStore } from '@mallkit/sync';
 * import { BinlogSource, SnapshotSource } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const url = process.env['BINLOG_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
 * const pool = createPool({ uri: url });
 * await pool.query('DROP DATABASE IF EXISTS doc_snapshot_source');
 * await pool.query('CREATE DATABASE doc_snapshot_source');
 * await pool.query('CREATE TABLE doc_snapshot_source.products (id INT PRIMARY KEY, price INT)');
 * await pool.query('INSERT INTO doc_snapshot_source.products VALUES (1, 999), (2, 450)');
 *
 * const received: ChangeEvent[] = []; // e.g. a TransportSink feeding a new consumer group
 * const sink: ChangeSink = { publish: async (changes) => { received.push(...changes); } };
 * const checkpoints = new MemoryCheckpointStore();
 * const tables = ['doc_snapshot_source.products'];
 * const snapshot = new SnapshotSource({ pool, tables, checkpoints, continueAs: 'binlog' });
 * const { position, rows } = await snapshot.run(sink);
 * assert.equal(rows, 2);
 * assert.equal(await checkpoints.load('binlog'), position); // where the binlog continues
 *
 * // the binlog source continues exactly there: nothing written after the snapshot is lost
 * const binlog = new BinlogSource({ connection: url, pool, checkpoints, filter: { tables } });
 * await binlog.start(sink);
 * const published = new Promise((resolve) => binlog.events.on('published', resolve));
 * await pool.query('UPDATE doc_snapshot_source.products SET price = 899 WHERE id = 1');
 * await published;
 * await binlog.stop();
 * assert.deepEqual(received.map((c) => `${c.op} ${c.key}`), ['snapshot 1', 'snapshot 2', 'update 1']);
 * await pool.query('DROP DATABASE doc_snapshot_source');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export class SnapshotSource implements ChangeSource {
  /** Name of the source, in change ids and events. */
  readonly name: string;
  /** Typed events. */
  readonly events = new EventHub<SnapshotSourceEvents>('mallkit:sync:snapshot');
  readonly #pool: Pool;
  readonly #tables: readonly string[];
  readonly #chunkSize: number;
  readonly #options: SnapshotSourceOptions;
  readonly #retry: RetryPolicy;
  #abort: AbortController | undefined;
  #running: Promise<SnapshotResult> | undefined;

  /** @param options - the pool, tables and chunking */
  constructor(options: SnapshotSourceOptions) {
    if (options.tables.length === 0) {
      throw new SyncError('INVALID_OPTION', 'SnapshotSource needs at least one table');
    }
    const chunkSize = options.chunkSize ?? 1000;
    if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
      throw new SyncError(
        'INVALID_OPTION',
        `chunkSize must be a positive integer; got ${chunkSize}`,
      );
    }
    if (options.continueAs !== undefined && !options.checkpoints) {
      throw new SyncError('INVALID_OPTION', 'continueAs needs checkpoints to save the position in');
    }
    this.#options = options;
    this.#pool = options.pool;
    this.#tables = [...options.tables];
    this.#chunkSize = chunkSize;
    this.name = options.name ?? 'snapshot';
    this.#retry = {
      retryDelayMs: options.retryDelayMs ?? 500,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
    };
  }

  /**
   * Starts the snapshot in the background and resolves at once; watch the
   * `finished` and `failed` events (or use {@link SnapshotSource.run} to await it).
   */
  async start(sink: ChangeSink): Promise<void> {
    if (this.#running) return;
    this.run(sink).catch(() => undefined);
  }

  /** Stops a running snapshot after its chunk in flight; nothing is saved. */
  async stop(): Promise<void> {
    this.#abort?.abort();
    await this.#running?.catch(() => undefined);
  }

  /** Runs the snapshot to the end: every row published, the position saved when configured. */
  run(sink: ChangeSink): Promise<SnapshotResult> {
    if (this.#running) {
      return Promise.reject(new SyncError('INVALID_OPTION', `snapshot ${this.name} already runs`));
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.#running = this.#run(sink, abort.signal)
      .then(
        (result) => {
          this.events.emit('finished', { source: this.name, ...result });
          return result;
        },
        (error: unknown) => {
          this.events.emit('failed', { source: this.name, error });
          throw error;
        },
      )
      .finally(() => {
        this.#running = undefined;
        this.#abort = undefined;
      });
    return this.#running;
  }

  async #run(sink: ChangeSink, signal: AbortSignal): Promise<SnapshotResult> {
    const startedAt = Date.now();
    let connection: PoolConnection;
    try {
      connection = await this.#pool.getConnection();
    } catch (error) {
      throw unavailable(error);
    }
    let result: SnapshotResult;
    try {
      const binlog = await openConsistentSnapshot(connection);
      const position = formatBinlogPosition(binlog);
      const tables = await this.#qualified(connection);
      this.events.emit('started', { source: this.name, position, tables });
      const counts: Record<string, number> = {};
      let rows = 0;
      for (const table of tables) {
        const count = await this.#readTable(connection, table, position, startedAt, sink, signal);
        counts[table] = count;
        rows += count;
        this.events.emit('tableFinished', { source: this.name, table, rows: count });
      }
      await connection.query('COMMIT');
      result = { position, tables: counts, rows, durationMs: Date.now() - startedAt };
    } catch (error) {
      connection.destroy();
      throw error instanceof SyncError ? error : unavailable(error);
    }
    connection.release();
    const { checkpoints, continueAs } = this.#options;
    if (checkpoints && continueAs !== undefined) {
      await checkpoints.save(continueAs, result.position);
    }
    return result;
  }

  async #qualified(connection: PoolConnection): Promise<string[]> {
    let database: string | undefined;
    const tables: string[] = [];
    for (const table of this.#tables) {
      if (table.includes('.')) {
        tables.push(table);
        continue;
      }
      if (database === undefined) {
        const [rows] = await connection.query<RowDataPacket[]>('SELECT DATABASE() AS db');
        const db: unknown = rows[0]?.['db'];
        if (typeof db !== 'string') {
          throw new SyncError('INVALID_OPTION', `table ${table} has no schema and the pool none`);
        }
        database = db;
      }
      tables.push(`${database}.${table}`);
    }
    return tables;
  }

  async #readTable(
    connection: PoolConnection,
    table: string,
    position: string,
    at: number,
    sink: ChangeSink,
    signal: AbortSignal,
  ): Promise<number> {
    const dot = table.indexOf('.');
    const schema = table.slice(0, dot);
    const name = table.slice(dot + 1);
    const primaryKey = await primaryKeyColumns(connection, schema, name);
    const from = `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
    const order = primaryKey.map(quoteIdentifier).join(', ');
    const toChange = (row: RowDataPacket): ChangeEvent => {
      const after: Record<string, unknown> = { ...row };
      const key = rowKey(primaryKey, after, table);
      return {
        id: `${this.name}:${position}:${table}:${key}`,
        source: this.name,
        table,
        op: 'snapshot',
        key,
        after,
        at,
        position,
      };
    };
    const publish = (changes: ChangeEvent[]) =>
      publishWithRetry(sink, changes, this.#retry, signal, (failure) =>
        this.events.emit('publishFailed', {
          source: this.name,
          error: failure.error,
          attempt: failure.attempt,
          retryInMs: failure.retryInMs,
        }),
      );

    if (primaryKey.length === 0) {
      const [rows] = await connection.query<RowDataPacket[]>(`SELECT * FROM ${from}`);
      for (let i = 0; i < rows.length; i += this.#chunkSize) {
        await publish(rows.slice(i, i + this.#chunkSize).map(toChange));
      }
      return rows.length;
    }

    let count = 0;
    let last: unknown[] | undefined;
    const tuple = `(${order})`;
    const marks = `(${primaryKey.map(() => '?').join(', ')})`;
    for (;;) {
      if (signal.aborted) throw new SyncError('STOPPED', 'the snapshot was stopped');
      const where = last ? `WHERE ${tuple} > ${marks}` : '';
      const [rows] = await connection.query<RowDataPacket[]>(
        `SELECT * FROM ${from} ${where} ORDER BY ${order} LIMIT ${this.#chunkSize}`,
        last ?? [],
      );
      if (rows.length === 0) break;
      await publish(rows.map(toChange));
      count += rows.length;
      const tail = rows[rows.length - 1];
      last = primaryKey.map((column) => tail?.[column]);
      if (rows.length < this.#chunkSize) break;
    }
    return count;
  }
}

function unavailable(error: unknown): SyncError {
  return new SyncError(
    'SOURCE_UNAVAILABLE',
    `snapshot: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}
