import type { Pool } from 'mysql2/promise';

/**
 * Options of {@link OutboxSource}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import type { ChangeEvent } from '@mallkit/sync';
 * import { createOutboxTable, OutboxSource, type OutboxSourceOptions, writeOutbox } from '@mallkit/sync/mysql';
 * import { createPool, type RowDataPacket } from 'mysql2/promise';
 *
 * const pool = createPool({ uri: process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' });
 * await pool.query('DROP TABLE IF EXISTS doc_outbox_options');
 * await createOutboxTable(pool, 'doc_outbox_options');
 * const payment = (key: string) => ({ topic: 'payments', key, payload: { key } });
 * await writeOutbox(pool, [payment('P-1'), payment('P-2'), payment('P-3')], 'doc_outbox_options');
 *
 * const options: OutboxSourceOptions = {
 *   pool,
 *   table: 'doc_outbox_options',
 *   name: 'payments', // change ids are '<name>:<row id>'
 *   pollIntervalMs: 20,
 *   batchSize: 2, // rows per round
 *   partitions: 4, // up to 4 relays share the table, each key relayed by one at a time
 *   afterPublish: 'mark', // keep the rows, with published_at set (clean them up yourself)
 *   retryDelayMs: 100,
 *   maxRetryDelayMs: 5_000,
 * };
 * const received: ChangeEvent[] = [];
 * const relay = new OutboxSource(options);
 * const all = new Promise<void>((resolve) =>
 *   relay.events.on('published', () => { if (received.length === 3) resolve(); }),
 * );
 * await relay.start({ publish: async (changes) => { received.push(...changes); } });
 * await all;
 * await relay.stop();
 * assert.deepEqual(received.map((c) => c.key), ['P-1', 'P-2', 'P-3']);
 * assert.match(received[0]?.id ?? '', /^payments:\d+$/);
 * const [rows] = await pool.query<RowDataPacket[]>(
 *   'SELECT COUNT(*) AS n FROM doc_outbox_options WHERE published_at IS NOT NULL',
 * );
 * assert.equal(rows[0]?.['n'], 3);
 * await pool.query('DROP TABLE doc_outbox_options');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export interface OutboxSourceOptions {
  /** Your mysql2 pool (promise API); the relay borrows one connection while it runs and never ends the pool. */
  pool: Pool;
  /**
   * The outbox table (see `outboxTableDdl`), optionally schema-qualified.
   * @default 'outbox'
   */
  table?: string;
  /**
   * Name of the source, in change ids (`<name>:<row id>`) and events.
   * @default 'outbox'
   */
  name?: string;
  /**
   * Wait between polls when the last one found less than a full batch.
   * @default 200
   */
  pollIntervalMs?: number;
  /**
   * Most rows read, published and removed per round.
   * @default 200
   */
  batchSize?: number;
  /**
   * Number of lock partitions (`CRC32(aggregate_key) % partitions`). Each round a
   * relay takes the free partitions' named locks (`GET_LOCK`), relays their rows
   * in id order, removes them, and releases the locks, so several relays share
   * the work while each key is relayed by one of them at a time, in order.
   * Every relay of a table must use the same number.
   * @default 1 (one relay active at a time, the others standing by)
   */
  partitions?: number;
  /**
   * What happens to published rows: `'delete'`, or `'mark'` (set `published_at`;
   * you clean them up).
   * @default 'delete'
   */
  afterPublish?: 'delete' | 'mark';
  /**
   * First wait after a failed round (sink or database); doubles per failure.
   * @default 500
   */
  retryDelayMs?: number;
  /**
   * Longest wait after failures.
   * @default 30_000
   */
  maxRetryDelayMs?: number;
}
