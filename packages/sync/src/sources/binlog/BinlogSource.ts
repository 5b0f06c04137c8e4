import { EventHub } from '@mallkit/resilience';
import type { Pool } from 'mysql2/promise';
import type { CheckpointStore } from '../../checkpoints/CheckpointStore.js';
import { MemoryCheckpointStore } from '../../checkpoints/MemoryCheckpointStore.js';
import { MysqlCheckpointStore } from '../../checkpoints/MysqlCheckpointStore.js';
import { isSyncError, SyncError } from '../../errors/SyncError.js';
import { ChangeFilter } from '../../filters/ChangeFilter.js';
import { openPool } from '../../mysql/openPool.js';
import { PrimaryKeyCache } from '../../mysql/primaryKeyColumns.js';
import type { ChangeSink } from '../ChangeSink.js';
import type { ChangeSource } from '../ChangeSource.js';
import { positiveInteger } from '../positiveInteger.js';
import { backoff, publishWithRetry, type RetryPolicy, sleep } from '../publishWithRetry.js';
import { WakeSignal } from '../WakeSignal.js';
import { BinlogBatch } from './BinlogBatch.js';
import { BinlogCheckpoint } from './BinlogCheckpoint.js';
import type { BinlogItem } from './BinlogItem.js';
import { type BinlogPosition, formatBinlogPosition } from './BinlogPosition.js';
import { BinlogQueue } from './BinlogQueue.js';
import { BinlogReader } from './BinlogReader.js';
import type { BinlogSourceEvents } from './BinlogSourceEvents.js';
import type { BinlogSourceOptions } from './BinlogSourceOptions.js';
import type { BinlogSourceStatus } from './BinlogSourceStatus.js';
import { BinlogStart } from './BinlogStart.js';
import { checkBinlogSettings } from './checkBinlogSettings.js';
import { schemaFilters, snapshotTablesOf } from './schemaFilters.js';

/**
 * Captures row changes (insert, update, delete with before and after images)
 * from the MySQL/MariaDB binary log through zongji (`@vlasky/zongji`, an
 * optional peer) and hands them to a sink in commit order.
 *
 * - **Server settings** are checked at start: `log_bin` on, `binlog_format=ROW`,
 *   `binlog_row_image=FULL`, `binlog_row_metadata=FULL`; otherwise start rejects
 *   with SOURCE_MISCONFIGURED saying which variable to set.
 * - **Checkpoint** = `'file:offset'` after the last transaction whose changes the
 *   sink accepted; it moves only at commit boundaries, after `publish` resolved.
 *   A restart resumes there: nothing is lost, and only changes after the
 *   checkpoint are delivered again (at least once), with the same ids.
 * - **Ids** are `<file>:<transaction start offset>:<row index in the transaction>`;
 *   the key is the primary key values joined by `:` (the table name for tables
 *   without one).
 * - **Purged position**: SyncError POSITION_LOST and a `positionLost` event, or
 *   with `onPositionLost: 'snapshot'` a snapshot of `snapshotTables` is published
 *   (op `'snapshot'`) and the binlog continues from the snapshot's position.
 * - **Schema changes** (ALTER TABLE while running or stopped) are decoded from the
 *   binlog's own column metadata: rows after it carry the new columns. DDL and
 *   TRUNCATE (which logs no rows) are reported as `ddl` events, nothing else.
 * - **Backpressure**: at most `maxQueuedRows` decoded rows wait for the sink; then
 *   the binlog connection stops reading until the sink caught up. A failing sink
 *   gets the same batch again with exponential backoff; a failed connection is
 *   reopened at the last accepted position.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import type { ChangeEvent, ChangeSink } from '@mallkit/sync';
 * import { BinlogSource } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const url = process.env['BINLOG_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
 * const pool = createPool({ uri: url });
 * await pool.query('DROP DATABASE IF EXISTS doc_binlog_source');
 * await pool.query('CREATE DATABASE doc_binlog_source');
 * await pool.query('CREATE TABLE doc_binlog_source.products (id INT PRIMARY KEY, price INT, cost_price INT)');
 *
 * const received: ChangeEvent[] = []; // in production: a TransportSink, or use a CdcPipeline
 * const sink: ChangeSink = { publish: async (changes) => { received.push(...changes); } };
 * const source = new BinlogSource({
 *   connection: url, // needs REPLICATION SLAVE, REPLICATION CLIENT (MariaDB: BINLOG MONITOR)
 *   pool, // borrowed for metadata queries; a MysqlCheckpointStore keeps the position durable
 *   filter: { tables: ['doc_binlog_source.products'], excludeColumns: { '*': ['cost_price'] } },
 * });
 * await source.start(sink); // no checkpoint yet: from the end of the binlog
 * const both = new Promise<void>((resolve) =>
 *   source.events.on('published', () => { if (received.length >= 2) resolve(); }),
 * );
 * await pool.query('INSERT INTO doc_binlog_source.products VALUES (1, 999, 610)');
 * await pool.query('UPDATE doc_binlog_source.products SET price = 899 WHERE id = 1');
 * await both;
 * await source.stop(); // waits for the batch in flight and saves the checkpoint
 *
 * assert.deepEqual(received.map((c) => [c.op, c.table, c.key]), [
 *   ['insert', 'doc_binlog_source.products', '1'],
 *   ['update', 'doc_binlog_source.products', '1'],
 * ]);
 * assert.deepEqual([received[1]?.before, received[1]?.after], [{ id: 1, price: 999 }, { id: 1, price: 899 }]);
 * await pool.query('DROP DATABASE doc_binlog_source');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export class BinlogSource implements ChangeSource {
  /** Name of the source: checkpoint key, `ChangeEvent.source`, event field. */
  readonly name: string;
  /** Typed events. */
  readonly events = new EventHub<BinlogSourceEvents>('mallkit:sync:binlog');
  readonly #options: BinlogSourceOptions;
  readonly #filter: ChangeFilter;
  readonly #ignoredTable: string | undefined;
  readonly #snapshotTables: readonly string[];
  readonly #serverId: number;
  readonly #retry: RetryPolicy;
  readonly #maxBatch: number;
  readonly #idleCheckpointMs: number;
  readonly #primaryKeys = new PrimaryKeyCache();
  readonly #checkpoint: BinlogCheckpoint;
  readonly #queue: BinlogQueue;
  readonly #batch = new BinlogBatch();
  #state: BinlogSourceStatus['state'] = 'idle';
  #sink: ChangeSink | undefined;
  #pool: Pool | undefined;
  #ownPool = false;
  #abort = new AbortController();
  #start: BinlogStart | undefined;
  #reader: BinlogReader | undefined;
  #loop: Promise<void> | undefined;
  #starting: Promise<void> | undefined;
  #failure: unknown;
  #lastChangeAt: number | undefined;
  #lastError: unknown;
  readonly #wake = new WakeSignal();

  /** @param options - connection, checkpoints, filter and limits */
  constructor(options: BinlogSourceOptions) {
    this.#options = options;
    this.name = options.name ?? 'binlog';
    const store: CheckpointStore = options.checkpoints ?? new MemoryCheckpointStore();
    this.#filter =
      options.filter instanceof ChangeFilter ? options.filter : new ChangeFilter(options.filter);
    this.#ignoredTable = store instanceof MysqlCheckpointStore ? store.table : undefined;
    this.#snapshotTables = snapshotTablesOf(options, this.#filter);
    this.#serverId = options.serverId ?? 100_000 + Math.floor(Math.random() * 4_000_000_000);
    this.#retry = {
      retryDelayMs: options.retryDelayMs ?? 500,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 30_000,
    };
    this.#maxBatch = positiveInteger('maxBatchSize', options.maxBatchSize ?? 500);
    this.#idleCheckpointMs = options.idleCheckpointMs ?? 10_000;
    this.#checkpoint = new BinlogCheckpoint(
      store,
      this.name,
      (position) => this.events.emit('checkpoint', { source: this.name, position }),
      (error) => {
        this.#lastError = error;
        this.events.emit('error', { source: this.name, error, retryInMs: 0 });
      },
    );
    this.#queue = new BinlogQueue(
      positiveInteger('maxQueuedRows', options.maxQueuedRows ?? 10_000),
      (queuedRows) => {
        this.#reader?.pause();
        this.events.emit('paused', { source: this.name, queuedRows });
      },
      () => {
        this.#reader?.resume();
        this.events.emit('resumed', { source: this.name });
      },
    );
  }

  /** The source's progress. */
  status(): BinlogSourceStatus {
    return {
      state: this.#state,
      position: this.#checkpoint.position,
      checkpoint: this.#checkpoint.saved,
      lastChangeAt: this.#lastChangeAt,
      queuedRows: this.#queue.rows,
      paused: this.#queue.paused,
      lastError: this.#lastError,
    };
  }

  /**
   * Checks the server, finds where to start (checkpoint, `startAt`, or a
   * snapshot) and starts reading; resolves once the binlog is being read.
   * Rejects with SOURCE_MISCONFIGURED, POSITION_LOST or SOURCE_UNAVAILABLE.
   */
  async start(sink: ChangeSink): Promise<void> {
    if (this.#state !== 'idle' && this.#state !== 'stopped' && this.#state !== 'failed') {
      throw new SyncError('INVALID_OPTION', `binlog source ${this.name} is already started`);
    }
    this.#state = 'starting';
    this.#sink = sink;
    this.#failure = undefined;
    this.#abort = new AbortController();
    this.#starting = this.#begin(sink);
    try {
      await this.#starting;
    } finally {
      this.#starting = undefined;
    }
  }

  /** Stops reading, waits for the batch in flight and saves the checkpoint of everything accepted. */
  async stop(): Promise<void> {
    if (this.#state === 'idle' || this.#state === 'stopped') return;
    this.#abort.abort();
    this.#wake.wake();
    await this.#start?.stop();
    await this.#starting?.catch(() => undefined);
    await this.#loop;
    await this.#shutdown();
    this.#state = 'stopped';
    this.events.emit('stopped', { source: this.name, position: this.#checkpoint.saved });
  }

  async #begin(sink: ChangeSink): Promise<void> {
    const signal = this.#abort.signal;
    try {
      const { pool, own } = await openPool(this.#options.pool, this.#options.connection);
      this.#pool = pool;
      this.#ownPool = own;
      await checkBinlogSettings(pool);
      this.#start = new BinlogStart({
        name: this.name,
        options: this.#options,
        pool,
        filter: this.#filter,
        snapshotTables: this.#snapshotTables,
        events: this.events,
        retry: this.#retry,
        sink,
        onSnapshot: () => {
          this.#state = 'snapshot';
        },
        save: (position) => this.#checkpoint.saveNow(position),
      });
      const position = await this.#start.initial(await this.#checkpoint.load());
      this.#checkpoint.accept(position);
      if (!signal.aborted) await this.#openReader(position);
      if (signal.aborted) throw new SyncError('STOPPED', `binlog source ${this.name} was stopped`);
    } catch (error) {
      await this.#shutdown();
      this.#state = signal.aborted ? 'stopped' : 'failed';
      this.#lastError = error;
      throw error;
    }
    this.#state = 'running';
    this.#loop = this.#pump(signal);
  }

  async #openReader(position: BinlogPosition): Promise<void> {
    const filters = schemaFilters(this.#filter);
    this.#batch.reset(position);
    this.#reader = await BinlogReader.open({
      connection: this.#options.connection,
      serverId: this.#serverId,
      position,
      includeSchema: filters.include,
      excludeSchema: filters.exclude,
      onItems: (items) => {
        this.#queue.push(items);
        this.#wake.wake();
      },
      onError: (error) => {
        this.#failure = error;
        this.#wake.wake();
      },
    });
    this.events.emit('started', { source: this.name, position: formatBinlogPosition(position) });
  }

  async #pump(signal: AbortSignal): Promise<void> {
    let attempt = 0;
    while (!signal.aborted) {
      try {
        if (this.#failure !== undefined) {
          attempt = (await this.#reconnect(attempt + 1)) ? 0 : attempt + 1;
          continue;
        }
        const item = this.#queue.shift();
        if (!item) {
          await this.#whenDrained();
          continue;
        }
        await this.#process(item);
        if (this.#batch.size >= this.#maxBatch) await this.#flush();
      } catch (error) {
        if (signal.aborted) break;
        this.#failure ??= error;
      }
    }
  }

  async #process(item: BinlogItem): Promise<void> {
    switch (item.kind) {
      case 'rows': {
        const table = `${item.schema}.${item.table}`;
        const ignored = this.#ignoredTable;
        if (!this.#filter.includesTable(table) || item.table === ignored || table === ignored) {
          return;
        }
        if (!this.#pool) throw new SyncError('STOPPED', 'the binlog source was stopped');
        const primaryKey =
          item.primaryKey ?? (await this.#primaryKeys.get(this.#pool, item.schema, item.table));
        this.#batch.addRows(item, primaryKey, this.name);
        return;
      }
      case 'statement':
        this.events.emit('statementSkipped', {
          source: this.name,
          schema: item.schema,
          query: item.query,
        });
        return;
      case 'ddl':
        this.#primaryKeys.clear();
        this.events.emit('ddl', {
          source: this.name,
          schema: item.schema,
          query: item.query,
          position: formatBinlogPosition(item.position),
        });
        this.#batch.commit(item.position);
        return;
      case 'commit':
        this.#batch.commit(item.position);
    }
  }

  /** Queue empty: publish whole transactions, save an idle checkpoint when due, then wait for work. */
  async #whenDrained(): Promise<void> {
    if (this.#batch.size > 0) {
      if (this.#batch.complete) await this.#flush();
      else await this.#idle(this.#idleCheckpointMs);
      return;
    }
    this.#checkpoint.accept(this.#batch.committed);
    const dueIn = this.#checkpoint.dueIn(this.#idleCheckpointMs);
    if (this.#checkpoint.dirty && dueIn <= 0) await this.#checkpoint.save();
    else await this.#idle(this.#checkpoint.dirty ? dueIn : this.#idleCheckpointMs);
  }

  async #flush(): Promise<void> {
    const committed = this.#batch.committed;
    const batch = this.#batch.take();
    const kept = this.#filter.applyAll(batch);
    if (kept.length > 0) {
      if (!this.#sink) throw new SyncError('STOPPED', 'the binlog source was stopped');
      await publishWithRetry(this.#sink, kept, this.#retry, this.#abort.signal, (failure) => {
        this.#lastError = failure.error;
        this.events.emit('publishFailed', {
          source: this.name,
          error: failure.error,
          attempt: failure.attempt,
          retryInMs: failure.retryInMs,
        });
      });
      this.#lastError = undefined;
    }
    const last = batch.at(-1);
    if (last) {
      this.#lastChangeAt = last.at;
      this.events.emit('published', {
        source: this.name,
        count: kept.length,
        position: last.position,
      });
    }
    this.#checkpoint.accept(committed);
    // Batches the filter emptied are checkpointed by the idle timer, not one write each.
    if (kept.length > 0) await this.#checkpoint.save();
  }

  /** Reopens the reader at the accepted position after a failure; false when it failed again. */
  async #reconnect(attempt: number): Promise<boolean> {
    const error = this.#failure;
    this.#lastError = error;
    this.#state = 'reconnecting';
    await this.#closeReader();
    const retryInMs = backoff(this.#retry, attempt);
    this.events.emit('error', { source: this.name, error, retryInMs });
    await sleep(retryInMs, this.#abort.signal);
    this.#failure = undefined;
    try {
      if (!this.#start) throw new SyncError('STOPPED', 'the binlog source was stopped');
      const position = await this.#start.resume(this.#checkpoint.accepted);
      this.#checkpoint.accept(position);
      await this.#openReader(position);
      this.#state = 'running';
      return true;
    } catch (failure) {
      if (isSyncError(failure) && failure.code === 'POSITION_LOST') {
        this.#lastError = failure;
        this.#state = 'failed';
        this.#abort.abort();
      } else {
        this.#failure = failure;
      }
      return false;
    }
  }

  async #closeReader(): Promise<void> {
    const reader = this.#reader;
    this.#reader = undefined;
    this.#queue.clear();
    this.#batch.reset(this.#checkpoint.accepted);
    await reader?.close();
  }

  async #shutdown(): Promise<void> {
    await this.#closeReader();
    await this.#checkpoint.save();
    if (this.#ownPool) {
      const pool = this.#pool;
      this.#ownPool = false;
      await pool?.end().catch(() => undefined);
    }
    this.#pool = undefined;
    this.#start = undefined;
  }

  async #idle(ms: number): Promise<void> {
    if (this.#abort.signal.aborted || !this.#queue.empty || this.#failure !== undefined) return;
    await this.#wake.wait(ms);
  }
}
