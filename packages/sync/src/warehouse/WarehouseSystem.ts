import type { WarehouseCount } from './WarehouseCount.js';

/** A page of changes from the warehouse system and where to continue. */
export interface WarehouseChanges {
  /** Counts that changed since the cursor given. */
  counts: WarehouseCount[];
  /** Cursor to pass next time. */
  cursor: string;
}

/**
 * The minimal adapter a warehouse or ERP system needs: everything, what
 * changed since a cursor, and the counts of given SKUs. Pushes from the
 * warehouse system go to `WarehouseSync.receive` instead.
 */
export interface WarehouseSystem {
  /** Every count, in pages, for a full sync. */
  fetchAll(): AsyncIterable<WarehouseCount[]>;
  /** Counts changed since `cursor` (`undefined`: from the beginning). */
  fetchChanges(cursor: string | undefined): Promise<WarehouseChanges>;
  /** Current counts of these SKUs, for an on-demand sync. */
  fetchCounts(skus: readonly string[]): Promise<WarehouseCount[]>;
}
