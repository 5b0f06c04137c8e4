/** One row of a reconcile: the Redis counter before and after. */
export interface FlashSaleRepair {
  /** The SKU. */
  sku: string;
  /** The warehouse. */
  warehouse: string;
  /** Units the database allows: allocated minus sold, 0 once the activity ended. */
  available: number;
  /** Units admitted in Redis and not yet in the database when the counter was set. */
  inFlight: number;
  /** The Redis counter before. */
  before: number;
  /** The Redis counter after: `max(0, available - inFlight)`. */
  after: number;
}

/** What `reconcile` found and did. */
export interface FlashSaleReconciliation {
  /** The activity. */
  activityId: string;
  /** Every row of the activity. */
  lines: FlashSaleRepair[];
  /** Whether any counter changed. */
  changed: boolean;
  /**
   * Whether the replicas acknowledged the change (always `true` when nothing changed or
   * `replicas` is 0). When `false`, run `reconcile` again: a failover could undo it.
   */
  replicated: boolean;
}
