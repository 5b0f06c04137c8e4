import { quoteTable } from '../../mysql/quoteTable.js';

/** One business event to record in the outbox. */
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
 * import { writeOutbox } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * const pool = createPool({ host: '127.0.0.1', user: 'app', database: 'shop' });
 * const connection = await pool.getConnection();
 * try {
 *   await connection.beginTransaction();
 *   await connection.query('UPDATE orders SET status = ? WHERE id = ?', ['paid', 42]);
 *   await writeOutbox(connection, [{ topic: 'orders', key: '42', payload: { status: 'paid' } }]);
 *   await connection.commit();
 * } catch (error) {
 *   await connection.rollback();
 *   throw error;
 * } finally {
 *   connection.release();
 * }
 * ```
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
