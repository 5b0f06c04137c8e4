import type { SyncReport } from './SyncReport.js';

/** Typed events of {@link WarehouseSync}, also on `diagnostics_channel` as `mallkit:sync:warehouse:<name>`. */
export interface WarehouseSyncEvents {
  /** A sync finished. */
  synced: {
    /** What it did. */
    report: SyncReport;
  };
  /** A sync failed as a whole (the warehouse system or the inventory was unreachable). */
  failed: {
    /** Which sync. */
    kind: SyncReport['kind'];
    /** The error. */
    error: unknown;
  };
}
