/**
 * Typed events of {@link OutboxSource}, also on `diagnostics_channel` as `mallkit:sync:outbox:<name>`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createOutboxTable, OutboxSource, writeOutbox } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const pool = createPool({ uri: process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' });
 * await pool.query('DROP TABLE IF EXISTS doc_outbox_events');
 * await createOutboxTable(pool, 'doc_outbox_events');
 * await writeOutbox(pool, [{ topic: 'orders', key: 'SO-1', payload: { status: 'paid' } }], 'doc_outbox_events');
 *
 * const relay = new OutboxSource({ pool, table: 'doc_outbox_events', name: 'orders-relay', retryDelayMs: 10 });
 * const log: string[] = [];
 * relay.events.on('started', ({ source }) => log.push(`started ${source}`));
 * relay.events.on('publishFailed', ({ attempt, retryInMs }) => log.push(`failed ${attempt}, retry in ${retryInMs} ms`));
 * relay.events.on('error', ({ error }) => log.push(`database: ${error}`));
 * relay.events.on('published', ({ count }) => log.push(`published ${count}`));
 * relay.events.on('stopped', ({ source }) => log.push(`stopped ${source}`));
 * const published = new Promise((resolve) => relay.events.on('published', resolve));
 *
 * let calls = 0; // a sink that is down once (Redis restarting): the rows stay and are sent again
 * await relay.start({ publish: async () => { if (++calls === 1) throw new Error('sink down'); } });
 * await published;
 * await relay.stop();
 * assert.deepEqual(log, [
 *   'started orders-relay',
 *   'failed 1, retry in 10 ms',
 *   'published 1',
 *   'stopped orders-relay',
 * ]);
 * await pool.query('DROP TABLE doc_outbox_events');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export interface OutboxSourceEvents {
  /** The relay runs. */
  started: {
    /** Name of the source. */
    source: string;
  };
  /** Rows were published and removed (or marked). */
  published: {
    /** Name of the source. */
    source: string;
    /** Rows in the round. */
    count: number;
    /** Highest row id of the round. */
    lastId: string;
  };
  /** The sink rejected a round; the rows stay and are tried again after `retryInMs`. */
  publishFailed: {
    /** Name of the source. */
    source: string;
    /** The rejection. */
    error: unknown;
    /** Consecutive failed rounds. */
    attempt: number;
    /** Wait before the next round. */
    retryInMs: number;
  };
  /** The database failed (its rows stay); the relay reconnects after `retryInMs`. */
  error: {
    /** Name of the source. */
    source: string;
    /**
     * What failed: the driver's error, or a `SyncError` `SOURCE_MISCONFIGURED` (the
     * driver's error as `cause`) when the outbox table was dropped or altered.
     */
    error: unknown;
    /** Consecutive failed rounds. */
    attempt: number;
    /** Wait before the next round. */
    retryInMs: number;
  };
  /** The relay stopped. */
  stopped: {
    /** Name of the source. */
    source: string;
  };
}
