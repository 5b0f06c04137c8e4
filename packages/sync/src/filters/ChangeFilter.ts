import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { ChangeFilterOptions } from './ChangeFilterOptions.js';
import { matchesTable } from './TablePattern.js';

interface TableRule {
  included: boolean;
  excluded: ReadonlySet<string>;
}

/**
 * Decides which changes a source publishes and what they show: tables to
 * include or exclude, columns to remove from the row images (secrets,
 * noise), and a predicate. A dropped change still counts as delivered for
 * checkpointing: filtering never stalls a source.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ChangeFilter } from '@mallkit/sync';
 *
 * const filter = new ChangeFilter({
 *   tables: ['shop.products', 'shop.stock_levels'],
 *   excludeColumns: { 'shop.products': ['cost_price'] },
 *   predicate: (change) => change.op !== 'delete' || change.table !== 'shop.stock_levels',
 * });
 * const kept = filter.apply({
 *   id: 'mariadb-bin.000001:4:0', source: 'binlog', table: 'shop.products', op: 'insert',
 *   key: '42', after: { id: 42, name: 'Phone', cost_price: '99.00' }, at: Date.now(),
 *   position: 'mariadb-bin.000001:400',
 * });
 * assert.deepEqual(kept?.after, { id: 42, name: 'Phone' }); // cost_price removed
 * assert.equal(filter.includesTable('shop.orders'), false);
 * ```
 *
 * @group Filters
 */
export class ChangeFilter {
  /** The `tables` option: patterns of the tables that pass (`undefined`: every table). */
  readonly tables: readonly string[] | undefined;
  /** The `excludeTables` option. */
  readonly excludeTables: readonly string[];
  readonly #excludeColumns: readonly (readonly [string, readonly string[]])[];
  readonly #dropUnchanged: boolean;
  readonly #predicate: ((change: ChangeEvent) => boolean) | undefined;
  readonly #rules = new Map<string, TableRule>();

  /** @param options - what passes; by default everything */
  constructor(options: ChangeFilterOptions = {}) {
    this.tables = options.tables ? [...options.tables] : undefined;
    this.excludeTables = [...(options.excludeTables ?? [])];
    this.#excludeColumns = Object.entries(options.excludeColumns ?? {});
    this.#dropUnchanged = options.dropUnchangedUpdates ?? true;
    this.#predicate = options.predicate;
  }

  /** Whether changes of `table` can pass at all (`tables` and `excludeTables` only). */
  includesTable(table: string): boolean {
    return this.#rule(table).included;
  }

  /** The columns removed from `table`'s row images. */
  excludedColumns(table: string): ReadonlySet<string> {
    return this.#rule(table).excluded;
  }

  /** The change as it should be published (excluded columns removed), or `undefined` when it is dropped. */
  apply(change: ChangeEvent): ChangeEvent | undefined {
    const rule = this.#rule(change.table);
    if (!rule.included) return undefined;
    let result = change;
    if (rule.excluded.size > 0) {
      result = { ...change };
      if (change.before) result.before = without(change.before, rule.excluded);
      if (change.after) result.after = without(change.after, rule.excluded);
      if (
        this.#dropUnchanged &&
        change.op === 'update' &&
        result.before &&
        result.after &&
        sameImage(result.before, result.after)
      ) {
        return undefined;
      }
    }
    if (this.#predicate && !this.#predicate(result)) return undefined;
    return result;
  }

  /** {@link ChangeFilter.apply} on each change, keeping their order. */
  applyAll(changes: readonly ChangeEvent[]): ChangeEvent[] {
    const kept: ChangeEvent[] = [];
    for (const change of changes) {
      const result = this.apply(change);
      if (result) kept.push(result);
    }
    return kept;
  }

  #rule(table: string): TableRule {
    let rule = this.#rules.get(table);
    if (!rule) {
      const included =
        (this.tables === undefined || this.tables.some((p) => matchesTable(p, table))) &&
        !this.excludeTables.some((p) => matchesTable(p, table));
      const excluded = new Set<string>();
      for (const [pattern, columns] of this.#excludeColumns) {
        if (matchesTable(pattern, table)) for (const column of columns) excluded.add(column);
      }
      rule = { included, excluded };
      if (this.#rules.size > 10_000) this.#rules.clear();
      this.#rules.set(table, rule);
    }
    return rule;
  }
}

function without(
  image: Record<string, unknown>,
  columns: ReadonlySet<string>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(image)) {
    if (!columns.has(column)) copy[column] = value;
  }
  return copy;
}

function sameImage(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key in b && sameValue(a[key], b[key]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return false;
}
