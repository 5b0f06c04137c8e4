/** Limits of the bulkhead of a {@link DependencyPolicy}: concurrency slots and a bounded queue. */
export interface BulkheadOptions {
  /**
   * Calls that may run at once; match it to the client's connection pool so a slow
   * dependency cannot take every socket (or every request) hostage.
   * @default 64
   */
  concurrency?: number;
  /**
   * Calls that may wait for a slot, first come first served. Beyond it, calls are
   * rejected at once with {@link BulkheadRejectedError}.
   * @default 0
   */
  queue?: number;
}
