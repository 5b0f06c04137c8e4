import type { ChangeEvent } from '../changes/ChangeEvent.js';

/**
 * Where a source hands its changes. `publish` resolves only once the batch is
 * durably accepted downstream (for the Redis transport: written and, when so
 * configured, replicated); only then may the source checkpoint past it. If it
 * rejects, the source re-sends the batch from its last checkpoint.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import type { ChangeSink } from '@mallkit/sync';
 * import { createOutboxTable, OutboxSource, writeOutbox } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const pool = createPool({ uri: process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' });
 * await pool.query('DROP TABLE IF EXISTS doc_change_sink');
 * await createOutboxTable(pool, 'doc_change_sink');
 * await writeOutbox(pool, [{ topic: 'orders', key: 'SO-1', payload: { status: 'paid' } }], 'doc_change_sink');
 *
 * // A sink of your own (TransportSink is the usual one): a read model kept up to date
 * const orders = new Map<string, Record<string, unknown>>();
 * let down = true;
 * const sink: ChangeSink = {
 *   async publish(changes) {
 *     if (down) {
 *       down = false;
 *       throw new Error('read model unavailable'); // rejecting: the source sends the batch again
 *     }
 *     for (const change of changes) if (change.after) orders.set(change.key, change.after);
 *   },
 * };
 * const relay = new OutboxSource({ pool, table: 'doc_change_sink', retryDelayMs: 10 });
 * const published = new Promise((resolve) => relay.events.on('published', resolve));
 * await relay.start(sink);
 * await published; // resolving: the rows are accepted, the relay deletes them
 * await relay.stop();
 * assert.deepEqual(orders.get('SO-1'), { status: 'paid' });
 * await pool.query('DROP TABLE doc_change_sink');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export interface ChangeSink {
  /** Hands over a batch, in order; resolves once it is durably accepted. */
  publish(changes: readonly ChangeEvent[]): Promise<void>;
}
