import type { Pool } from 'mysql2/promise';
import { quoteIdentifier, quoteTable } from '../../mysql/quoteTable.js';

/**
 * `CREATE TABLE IF NOT EXISTS` of an outbox table: `id` (BIGINT AUTO_INCREMENT
 * primary key, the relay order), `topic`, `aggregate_key` (the partition key),
 * `payload` (JSON text), `created_at`, and `published_at` (set instead of a
 * delete with `afterPublish: 'mark'`), InnoDB.
 *
 * @param table - the table, optionally schema-qualified
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { outboxTableDdl } from '@mallkit/sync/mysql';
 *
 * // put it in a migration of the database whose transactions write the events
 * const ddl = outboxTableDdl('shop.outbox');
 * assert.match(ddl, /^CREATE TABLE IF NOT EXISTS `shop`\.`outbox`/);
 * assert.match(ddl, /aggregate_key VARCHAR\(255\) NOT NULL/); // the partition key
 * ```
 *
 * @group Sources
 */
export function outboxTableDdl(table = 'outbox'): string {
  const dot = table.lastIndexOf('.');
  const index = quoteIdentifier(`${table.slice(dot + 1)}_unpublished`);
  return `CREATE TABLE IF NOT EXISTS ${quoteTable(table)} (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  topic VARCHAR(255) NOT NULL,
  aggregate_key VARCHAR(255) NOT NULL,
  payload LONGTEXT NOT NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  published_at TIMESTAMP(3) NULL DEFAULT NULL,
  KEY ${index} (published_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;
}

/**
 * Creates the outbox table if it does not exist ({@link outboxTableDdl}).
 *
 * @param pool - your mysql2 pool (promise API)
 * @param table - the table, optionally schema-qualified
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createOutboxTable } from '@mallkit/sync/mysql';
 * import { createPool, type RowDataPacket } from 'mysql2/promise';
 *
 * const pool = createPool({ uri: process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' });
 * await pool.query('DROP TABLE IF EXISTS doc_create_outbox');
 * await createOutboxTable(pool, 'doc_create_outbox');
 * await createOutboxTable(pool, 'doc_create_outbox'); // IF NOT EXISTS: safe at every start
 * const [columns] = await pool.query<RowDataPacket[]>('SHOW COLUMNS FROM doc_create_outbox');
 * assert.deepEqual(
 *   columns.map((column) => column['Field']),
 *   ['id', 'topic', 'aggregate_key', 'payload', 'created_at', 'published_at'],
 * );
 * await pool.query('DROP TABLE doc_create_outbox');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export async function createOutboxTable(pool: Pool, table = 'outbox'): Promise<void> {
  await pool.query(outboxTableDdl(table));
}
