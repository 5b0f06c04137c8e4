import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { TablePattern } from './TablePattern.js';

/**
 * Options of {@link ChangeFilter}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ChangeEvent, ChangeFilter, type ChangeFilterOptions } from '@mallkit/sync';
 *
 * const options: ChangeFilterOptions = {
 *   tables: ['crm.*'],
 *   excludeTables: ['crm.login_audit'],
 *   excludeColumns: { 'crm.customers': ['password_hash'] },
 *   dropUnchangedUpdates: false, // publish even an update that only touched password_hash
 *   predicate: (change) => change.after?.['test_account'] !== true,
 * };
 * const filter = new ChangeFilter(options);
 * const update = (table: string, after: Record<string, unknown>): ChangeEvent => ({
 *   id: `binlog:${table}`, source: 'binlog', table, op: 'update', key: '1',
 *   before: { id: 1, password_hash: 'old' }, after, at: Date.now(), position: '',
 * });
 * const kept = filter.applyAll([
 *   update('crm.customers', { id: 1, password_hash: 'new' }),
 *   update('crm.customers', { id: 2, test_account: true }),
 *   update('crm.login_audit', { id: 3 }),
 *   update('shop.orders', { id: 4 }),
 * ]);
 * assert.deepEqual(kept.map((change) => change.after), [{ id: 1 }]);
 * ```
 *
 * @group Filters
 */
export interface ChangeFilterOptions {
  /**
   * Only changes of these tables pass (see {@link TablePattern}: `'shop.products'`,
   * `'shop.*'`, `'*.orders'`).
   * @default every table
   */
  tables?: readonly TablePattern[];
  /**
   * Changes of these tables never pass, even when `tables` includes them.
   * @default []
   */
  excludeTables?: readonly TablePattern[];
  /**
   * Columns removed from the row images, per table pattern, e.g.
   * `{ 'shop.customers': ['password_hash'], '*': ['internal_note'] }`.
   * @default {}
   */
  excludeColumns?: Readonly<Record<TablePattern, readonly string[]>>;
  /**
   * Drop an `update` whose before and after images are equal once the excluded
   * columns are removed (only an excluded column changed).
   * @default true
   */
  dropUnchangedUpdates?: boolean;
  /**
   * A last say on each change (after the column removal); `false` drops it.
   * @default every change passes
   */
  predicate?: (change: ChangeEvent) => boolean;
}
