/** One count the sync changed. */
export interface CountChange {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Physical stock before. */
  from: number;
  /** Physical stock after. */
  to: number;
}

/** One count the sync did not apply, and why. */
export interface CountRejection {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** The count the warehouse system sent. */
  physical: number;
  /** Why: invalid count, unknown SKU or warehouse, or stock moved while syncing. */
  reason: string;
  /** `true` when stock moved while the sync ran: the next sync applies a fresh count. */
  retryable: boolean;
}

/** What a sync did: a diff, not a blind overwrite. */
export interface SyncReport {
  /** `full`, `changes` (since a cursor), `skus` (on demand) or `push`. */
  kind: 'full' | 'changes' | 'skus' | 'push';
  /** Counts compared. */
  checked: number;
  /** Counts equal to the inventory's. */
  unchanged: number;
  /** Counts applied. */
  changed: CountChange[];
  /** Counts not applied. */
  rejected: CountRejection[];
  /** When it started and ended (epoch ms). */
  startedAt: number;
  /** When it ended (epoch ms). */
  endedAt: number;
}
