/**
 * The partition key of a row: its primary key values joined by `:` (Dates as
 * ISO strings, Buffers as hex, null as empty), or `fallback` (the table name)
 * when the table has no primary key, so that table's changes keep one order.
 * @internal
 */
export function rowKey(
  primaryKey: readonly string[] | undefined,
  image: Record<string, unknown> | undefined,
  fallback: string,
): string {
  if (!primaryKey || primaryKey.length === 0 || !image) return fallback;
  return primaryKey.map((column) => keyPart(image[column])).join(':');
}

function keyPart(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  return String(value);
}
