import { quoteTable } from '../../mysql/quoteTable.js';

/**
 * One business event to record in the outbox.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createOutboxTable, type OutboxMessage, writeOutbox } from '@mallkit/sync/mysql';
 * import { createPool, type RowDataPacket } from 'mysql2/promise';
 *
 * const pool = createPool({ uri: process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' });
 * await pool.query('DROP TABLE IF EXISTS doc_outbox_message');
 * await createOutboxTable(pool, 'doc_outbox_message');
 *
 * // the events of one order, in order: one key keeps them in order end to end
 * const events: OutboxMessage[] = ['paid', 'shipped'].map((status) => ({
 *   topic: 'orders', // the ChangeEvent.table consumers subscribe to
 *   key: 'SO-7', // the partition key
 *   payload: { orderNo: 'SO-7', status }, // the ChangeEvent.after consumers read
 * }));
 * await writeOutbox(pool, events, 'doc_outbox_message'); // normally inside your transaction
 * const [rows] = await pool.query<RowDataPacket[]>('SELECT payload FROM doc_outbox_message ORDER BY id');
 * assert.deepEqual(rows.map((row) => JSON.parse(String(row['payload']))['status']), ['paid', 'shipped']);
 * await pool.query('DROP TABLE doc_outbox_message');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export interface OutboxMessage {
  /** Topic it is published to (`ChangeEvent.table`). */
  topic: string;
  /** Partition key, e.g. the order id: events of one key are published in order. */
  key: string;
  /** The event, stored as JSON (`ChangeEvent.after` when published). */
  payload: Record<string, unknown>;
}

/**
 * Anything that runs a parameterised statement: a mysql2 promise `Connection`
 * or `PoolConnection` inside your transaction.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type OutboxWriter, writeOutbox } from '@mallkit/sync/mysql';
 *
 * // A mysql2 Connection fits as it is; so does anything with a `query(sql, values)`,
 * // e.g. this one, which records the statements (in a unit test of your service)
 * const statements: { sql: string; values: unknown[] }[] = [];
 * const writer: OutboxWriter = {
 *   query: async (sql, values) => {
 *     statements.push({ sql, values });
 *   },
 * };
 * await writeOutbox(writer, [
 *   { topic: 'orders', key: 'SO-1', payload: { status: 'paid' } },
 *   { topic: 'orders', key: 'SO-2', payload: { status: 'paid' } },
 * ]);
 * assert.equal(statements.length, 1); // one multi-row INSERT
 * assert.match(statements[0]?.sql ?? '', /^INSERT INTO `outbox` \(topic, aggregate_key, payload\)/);
 * assert.deepEqual(statements[0]?.values.slice(0, 3), ['orders', 'SO-1', '{"status":"paid"}']);
 * ```
 *
 * @group Sources
 */
export interface OutboxWriter {
  /** Runs `sql` with `?` placeholders bound to `values`. */
  query(sql: string, values: unknown[]): Promise<unknown>;
}

/**
 * Records business events in the outbox with one multi-row INSERT. Call it on
 * the connection of the transaction that makes the business change: the events
 * then exist if and only if the transaction commits. Write them after the
 * statement that locks the aggregate's row, so ids follow commit order per key.
 *
 * @param connection - the connection of your open transaction
 * @param messages - the events, in order
 * @param table - the outbox table
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createOutboxTable, writeOutbox } from '@mallkit/sync/mysql';
 * import { createPool, type RowDataPacket } from 'mysql2/promise';
 *
 * const pool = createPool({ uri: process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' });
 * await pool.query('DROP TABLE IF EXISTS doc_write_outbox, doc_write_outbox_orders');
 * await createOutboxTable(pool, 'doc_write_outbox');
 * await pool.query('CREATE TABLE doc_write_outbox_orders (id INT PRIMARY KEY, status VARCHAR(16))');
 * await pool.query("INSERT INTO doc_write_outbox_orders VALUES (42, 'new'), (43, 'new')");
 *
 * async function pay(id: number, outcome: 'commit' | 'rollback'): Promise<void> {
 *   const connection = await pool.getConnection();
 *   try {
 *     await connection.beginTransaction();
 *     await connection.query('UPDATE doc_write_outbox_orders SET status = ? WHERE id = ?', ['paid', id]);
 *     const event = { topic: 'orders', key: String(id), payload: { id, status: 'paid' } };
 *     await writeOutbox(connection, [event], 'doc_write_outbox'); // same transaction
 *     await (outcome === 'commit' ? connection.commit() : connection.rollback());
 *   } finally {
 *     connection.release();
 *   }
 * }
 * await pay(42, 'commit');
 * await pay(43, 'rollback'); // neither the update nor its event exists
 * const [rows] = await pool.query<RowDataPacket[]>('SELECT aggregate_key FROM doc_write_outbox');
 * assert.deepEqual(rows.map((row) => row['aggregate_key']), ['42']);
 * await pool.query('DROP TABLE doc_write_outbox, doc_write_outbox_orders');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export async function writeOutbox(
  connection: OutboxWriter,
  messages: readonly OutboxMessage[],
  table = 'outbox',
): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map(() => '(?, ?, ?)').join(', ');
  const values = messages.flatMap((m) => [m.topic, m.key, JSON.stringify(m.payload)]);
  await connection.query(
    `INSERT INTO ${quoteTable(table)} (topic, aggregate_key, payload) VALUES ${rows}`,
    values,
  );
}
