/**
 * A table name or pattern as filters take it: `'shop.products'` (one table),
 * `'shop.*'` (every table of a schema), `'*.audit_log'` (a table name in any
 * schema) or `'*'` (everything). Names compare exactly (case-sensitive).
 * For outbox events the "table" is the event's topic, so `'orders'` or
 * `'orders.*'`-style topic names match the same way.
 */
export type TablePattern = string;

/** Whether `table` (`schema.table`, or an outbox topic) matches `pattern`. */
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
