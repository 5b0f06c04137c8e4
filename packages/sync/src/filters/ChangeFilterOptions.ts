import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { TablePattern } from './TablePattern.js';

/** Options of {@link ChangeFilter}. */
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
