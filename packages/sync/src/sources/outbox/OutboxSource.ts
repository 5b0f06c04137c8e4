import { createHash } from 'node:crypto';
import { EventHub } from '@mallkit/resilience';
import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';
import type { ChangeEvent } from '../../changes/ChangeEvent.js';
import { SyncError } from '../../errors/SyncError.js';
import { quoteTable } from '../../mysql/quoteTable.js';
import type { ChangeSink } from '../ChangeSink.js';
import type { ChangeSource } from '../ChangeSource.js';
import { positiveInteger } from '../positiveInteger.js';
import { backoff, type RetryPolicy, sleep } from '../publishWithRetry.js';
import type { OutboxSourceEvents } from './OutboxSourceEvents.js';
import type { OutboxSourceOptions } from './OutboxSourceOptions.js';
import { outboxTableProblem } from './outboxTableProblem.js';

/** A sink rejection, told apart from database failures. */
class PublishRejected extends Error {}

/**
 * Relays a transactional outbox: rows the application wrote with `writeOutbox`
 * in the same transaction as its business change are published in id order,
 * then deleted (or marked). For databases where the binlog cannot be read.
 *
 * - **Only committed rows** are ever seen: a rolled-back transaction leaves none.
 * - **At least once**: rows are removed only after the sink accepted them; when
 *   the sink (Redis) or the database fails, the rows stay and the round is
 *   retried with exponential backoff. A crash between publish and delete
 *   publishes those rows again, with the same ids (`<name>:<row id>`).
 * - **Order per key across relays**: each round a relay takes the named locks
 *   (`GET_LOCK`) of the free partitions (`CRC32(aggregate_key) % partitions`),
 *   publishes their oldest rows, removes them, and only then releases the locks;
 *   a key is therefore relayed by one relay at a time, oldest row first. A relay
 *   that dies mid-round loses its locks with its connection.
 * - Changes have op `'event'`, `table` = the row's topic, `key` = its
 *   aggregate key, `after` = the JSON payload (a non-object payload is wrapped
 *   as `{ value }`), `at` = `created_at`, `position` = the row id.
 * - **A missing table is refused**: `start` rejects with `SOURCE_MISCONFIGURED`
 *   naming the table when it does not exist or lacks the outbox columns (create it
 *   with `createOutboxTable` or `outboxTableDdl`); a table dropped while the relay
 *   runs is reported the same way in `error` events.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import type { ChangeEvent } from '@mallkit/sync';
 * import { createOutboxTable, OutboxSource, writeOutbox } from '@mallkit/sync/mysql';
 * import { createPool, type RowDataPacket } from 'mysql2/promise';
 *
 * const pool = createPool({ uri: process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' });
 * await pool.query('DROP TABLE IF EXISTS doc_outbox_source');
 * await createOutboxTable(pool, 'doc_outbox_source');
 * // the application, in the transactions of its business changes (see writeOutbox)
 * await writeOutbox(pool, [
 *   { topic: 'orders', key: 'SO-1', payload: { status: 'paid' } },
 *   { topic: 'orders', key: 'SO-1', payload: { status: 'shipped' } },
 * ], 'doc_outbox_source');
 *
 * const received: ChangeEvent[] = []; // in production: a TransportSink, or use a CdcPipeline
 * const sink = { publish: async (changes: readonly ChangeEvent[]) => { received.push(...changes); } };
 * // a table that was never created is refused at start, not retried in the background
 * await assert.rejects(new OutboxSource({ pool, table: 'doc_no_outbox' }).start(sink), {
 *   code: 'SOURCE_MISCONFIGURED', // the message names doc_no_outbox and createOutboxTable
 * });
 *
 * const relay = new OutboxSource({ pool, table: 'doc_outbox_source', pollIntervalMs: 20 });
 * const published = new Promise((resolve) => relay.events.on('published', resolve));
 * await relay.start(sink);
 * await published;
 * await relay.stop();
 *
 * assert.deepEqual(received.map((c) => [c.op, c.table, c.key, c.after]), [
 *   ['event', 'orders', 'SO-1', { status: 'paid' }],
 *   ['event', 'orders', 'SO-1', { status: 'shipped' }],
 * ]);
 * const [rows] = await pool.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM doc_outbox_source');
 * assert.equal(rows[0]?.['n'], 0); // published rows are deleted
 * await pool.query('DROP TABLE doc_outbox_source');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export class OutboxSource implements ChangeSource {
  /** Name of the source, in change ids and events. */
  readonly name: string;
  /** Typed events. */
  readonly events = new EventHub<OutboxSourceEvents>('mallkit:sync:outbox');
  readonly #pool: Pool;
  readonly #table: string;
  readonly #quoted: string;
  readonly #pollMs: number;
  readonly #batchSize: number;
  readonly #partitions: number;
  readonly #mark: boolean;
  readonly #retry: RetryPolicy;
  #abort = new AbortController();
  #loop: Promise<void> | undefined;
  #starting: Promise<void> | undefined;
  #connection: PoolConnection | undefined;
  #lockNames: string[] | undefined;

  /** @param options - the pool, table, polling and partitions */
  constructor(options: OutboxSourceOptions) {
    this.#pool = options.pool;
    this.name = options.name ?? 'outbox';
    this.#table = options.table ?? 'outbox';
    this.#quoted = quoteTable(this.#table);
    this.#pollMs = nonNegative('pollIntervalMs', options.pollIntervalMs ?? 200);
    this.#batchSize = positiveInteger('batchSize', options.batchSize ?? 200);
    this.#partitions = positiveInteger('partitions', options.partitions ?? 1);
    this.#mark = (options.afterPublish ?? 'delete') === 'mark';
    this.#retry = {
      retryDelayMs: nonNegative('retryDelayMs', options.retryDelayMs ?? 500),
      maxRetryDelayMs: nonNegative('maxRetryDelayMs', options.maxRetryDelayMs ?? 30_000),
    };
  }

  /**
   * Checks the outbox table, then starts relaying to `sink` and resolves. A database
   * that fails in the meantime (unreachable, say) does not fail the start: the relay
   * retries with backoff and reports `error` events, like any later failure.
   *
   * @throws `SyncError` `SOURCE_MISCONFIGURED` when the table does not exist or lacks the
   *   outbox columns (create it with `createOutboxTable` / `outboxTableDdl`),
   *   `INVALID_OPTION` when the relay runs already
   */
  async start(sink: ChangeSink): Promise<void> {
    if (this.#loop || this.#starting) {
      throw new SyncError('INVALID_OPTION', `outbox relay ${this.name} already runs`);
    }
    const starting = this.#checkTable();
    this.#starting = starting;
    try {
      await starting;
    } finally {
      this.#starting = undefined;
    }
    this.#abort = new AbortController();
    this.#loop = this.#run(sink, this.#abort.signal);
    this.events.emit('started', { source: this.name });
  }

  /** Stops after the round in flight (its rows published and removed, or left for later). */
  async stop(): Promise<void> {
    await this.#starting?.catch(() => undefined);
    if (!this.#loop) return;
    this.#abort.abort();
    await this.#loop;
    this.#loop = undefined;
    this.#dropConnection(false);
    this.events.emit('stopped', { source: this.name });
  }

  /** Refuses a table that does not exist or is no outbox table; other failures are left to the loop. */
  async #checkTable(): Promise<void> {
    try {
      await this.#pool.query(
        `SELECT id, topic, aggregate_key, payload, created_at, published_at FROM ${this.#quoted} LIMIT 0`,
      );
    } catch (error) {
      const problem = outboxTableProblem(error, this.#table);
      if (problem) throw problem;
    }
  }

  /** One round: lock free partitions, publish their oldest rows, remove them; returns how many. */
  async #relayOnce(sink: ChangeSink): Promise<number> {
    const connection = await this.#session();
    const locks = await this.#lockNamesFor(connection);
    const [got] = await connection.query<RowDataPacket[]>(
      `SELECT ${locks.map((_, i) => `GET_LOCK(?, 0) AS l${i}`).join(', ')}`,
      locks,
    );
    const owned = locks.flatMap((_, i) => (Number(got[0]?.[`l${i}`]) === 1 ? [i] : []));
    if (owned.length === 0) return 0;
    try {
      const where = [
        'published_at IS NULL',
        ...(owned.length < this.#partitions
          ? [`MOD(CRC32(aggregate_key), ${this.#partitions}) IN (${owned.join(', ')})`]
          : []),
      ].join(' AND ');
      const [rows] = await connection.query<RowDataPacket[]>(
        `SELECT CAST(id AS CHAR) AS row_id, topic, aggregate_key, payload, created_at
         FROM ${this.#quoted} WHERE ${where} ORDER BY id LIMIT ${this.#batchSize}`,
      );
      if (rows.length === 0) return 0;
      const changes = rows.map((row) => this.#toChange(row));
      try {
        await sink.publish(changes);
      } catch (error) {
        throw new PublishRejected('sink rejected the batch', { cause: error });
      }
      const ids = rows.map((row) => String(row['row_id']));
      await connection.query(
        this.#mark
          ? `UPDATE ${this.#quoted} SET published_at = CURRENT_TIMESTAMP(3) WHERE id IN (?)`
          : `DELETE FROM ${this.#quoted} WHERE id IN (?)`,
        [ids],
      );
      this.events.emit('published', {
        source: this.name,
        count: rows.length,
        lastId: ids[ids.length - 1] ?? '',
      });
      return rows.length;
    } finally {
      await connection
        .query(
          `SELECT ${owned.map(() => 'RELEASE_LOCK(?)').join(', ')}`,
          owned.map((i) => locks[i]),
        )
        .catch(() => this.#dropConnection(true));
    }
  }

  async #run(sink: ChangeSink, signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      let relayed = 0;
      try {
        relayed = await this.#relayOnce(sink);
        failures = 0;
      } catch (failure) {
        failures++;
        const retryInMs = backoff(this.#retry, failures);
        if (failure instanceof PublishRejected) {
          this.events.emit('publishFailed', {
            source: this.name,
            error: failure.cause,
            attempt: failures,
            retryInMs,
          });
        } else {
          this.#dropConnection(true);
          this.events.emit('error', {
            source: this.name,
            error: outboxTableProblem(failure, this.#table) ?? failure,
            attempt: failures,
            retryInMs,
          });
        }
        if (!(await pause(retryInMs, signal))) return;
        continue;
      }
      if (relayed < this.#batchSize && !(await pause(this.#pollMs, signal))) return;
    }
  }

  #toChange(row: RowDataPacket): ChangeEvent {
    const id = String(row['row_id']);
    const created: unknown = row['created_at'];
    return {
      id: `${this.name}:${id}`,
      source: this.name,
      table: String(row['topic']),
      op: 'event',
      key: String(row['aggregate_key']),
      after: decodePayload(row['payload']),
      at: created instanceof Date ? created.getTime() : Date.now(),
      position: id,
    };
  }

  async #session(): Promise<PoolConnection> {
    this.#connection ??= await this.#pool.getConnection();
    return this.#connection;
  }

  async #lockNamesFor(connection: PoolConnection): Promise<string[]> {
    if (!this.#lockNames) {
      let table = this.#table;
      if (!table.includes('.')) {
        const [rows] = await connection.query<RowDataPacket[]>('SELECT DATABASE() AS db');
        table = `${String(rows[0]?.['db'] ?? '')}.${table}`;
      }
      // Lock names are server-wide and at most 64 characters.
      const base =
        table.length <= 40 ? table : createHash('sha1').update(table).digest('hex').slice(0, 40);
      this.#lockNames = Array.from(
        { length: this.#partitions },
        (_, p) => `mallkit:outbox:${base}:${p}`,
      );
    }
    return this.#lockNames;
  }

  #dropConnection(broken: boolean): void {
    const connection = this.#connection;
    this.#connection = undefined;
    if (!connection) return;
    if (broken) connection.destroy();
    else connection.release();
  }
}

function decodePayload(payload: unknown): Record<string, unknown> {
  const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : String(payload);
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { value: text };
  }
}

async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, signal);
    return true;
  } catch {
    return false;
  }
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new SyncError('INVALID_OPTION', `${name} must be a non-negative number; got ${value}`);
  }
  return value;
}
