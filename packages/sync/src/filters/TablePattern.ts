/**
 * A table name or pattern as filters take it: `'shop.products'` (one table),
 * `'shop.*'` (every table of a schema), `'*.audit_log'` (a table name in any
 * schema) or `'*'` (everything). Names compare exactly (case-sensitive).
 * For outbox events the "table" is the event's topic, so `'orders'` or
 * `'orders.*'`-style topic names match the same way.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ChangeFilter, type TablePattern } from '@mallkit/sync';
 *
 * const published: TablePattern[] = ['shop.*', '*.audit_log', 'orders'];
 * const secret: TablePattern[] = ['shop.payment_tokens'];
 * const filter = new ChangeFilter({ tables: published, excludeTables: secret });
 * assert.equal(filter.includesTable('shop.products'), true); // 'shop.*'
 * assert.equal(filter.includesTable('crm.audit_log'), true); // '*.audit_log'
 * assert.equal(filter.includesTable('orders'), true); // an outbox topic
 * assert.equal(filter.includesTable('shop.payment_tokens'), false);
 * assert.equal(filter.includesTable('Shop.products'), false); // case-sensitive
 * ```
 *
 * @group Filters
 */
export type TablePattern = string;

/**
 * Whether `table` (`schema.table`, or an outbox topic) matches `pattern`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { matchesTable } from '@mallkit/sync';
 *
 * assert.equal(matchesTable('shop.products', 'shop.products'), true);
 * assert.equal(matchesTable('shop.*', 'shop.stock_level'), true);
 * assert.equal(matchesTable('*.audit_log', 'crm.audit_log'), true);
 * assert.equal(matchesTable('*', 'anything.at_all'), true);
 * assert.equal(matchesTable('shop.*', 'crm.customers'), false);
 * assert.equal(matchesTable('shop.*', 'shop'), false); // an outbox topic without a dot
 * assert.equal(matchesTable('shop.stock_*', 'shop.stock_level'), false); // no partial wildcards
 * ```
 *
 * @group Filters
 */
export function matchesTable(pattern: TablePattern, table: string): boolean {
  if (pattern === '*' || pattern === table) return true;
  const dot = pattern.indexOf('.');
  if (dot < 0) return false;
  const schema = pattern.slice(0, dot);
  const name = pattern.slice(dot + 1);
  const tableDot = table.indexOf('.');
  if (tableDot < 0) return false;
  const tableSchema = table.slice(0, tableDot);
  const tableName = table.slice(tableDot + 1);
  return (schema === '*' || schema === tableSchema) && (name === '*' || name === tableName);
}
