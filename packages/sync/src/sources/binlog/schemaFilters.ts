import { SyncError } from '../../errors/SyncError.js';
import type { ChangeFilter } from '../../filters/ChangeFilter.js';
import type { SchemaFilter } from './BinlogReader.js';
import type { BinlogSourceOptions } from './BinlogSourceOptions.js';

/**
 * The part of a filter's table patterns zongji can apply itself (`schema.table`,
 * `schema.*`), so rows of other tables are not even decoded. Patterns with a
 * wildcard schema are left to the filter alone.
 * @internal
 */
export function schemaFilters(filter: ChangeFilter): {
  include: SchemaFilter | undefined;
  exclude: SchemaFilter | undefined;
} {
  const include = filter.tables && toSchemaFilter(filter.tables, true);
  const exclude = toSchemaFilter(filter.excludeTables, false);
  return { include, exclude: exclude && Object.keys(exclude).length > 0 ? exclude : undefined };
}

function toSchemaFilter(
  patterns: readonly string[],
  allOrNothing: boolean,
): SchemaFilter | undefined {
  const result: SchemaFilter = {};
  for (const pattern of patterns) {
    const dot = pattern.indexOf('.');
    const schema = dot < 0 ? '*' : pattern.slice(0, dot);
    const table = dot < 0 ? '*' : pattern.slice(dot + 1);
    if (schema === '*' || (table.includes('*') && table !== '*')) {
      if (allOrNothing) return undefined;
      continue;
    }
    const current = result[schema];
    if (table === '*') result[schema] = true;
    else if (current !== true) result[schema] = [...(current ?? []), table];
  }
  return result;
}

/**
 * The tables a snapshot of this source reads: `snapshotTables`, else the filter's
 * table names without wildcards; INVALID_OPTION when a snapshot may be needed
 * (`startAt`/`onPositionLost: 'snapshot'`) and there are none.
 * @internal
 */
export function snapshotTablesOf(options: BinlogSourceOptions, filter: ChangeFilter): string[] {
  const tables = [
    ...(options.snapshotTables ??
      (filter.tables ?? []).filter((p) => !p.includes('*') && p.includes('.'))),
  ];
  const needed = options.startAt === 'snapshot' || options.onPositionLost === 'snapshot';
  if (needed && tables.length === 0) {
    throw new SyncError(
      'INVALID_OPTION',
      'a snapshot needs tables: set snapshotTables or filter.tables (without wildcards)',
    );
  }
  return tables;
}
