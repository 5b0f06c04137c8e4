/** Options of the optimistic-lock strategy. */
export interface OptimisticLockOptions {
  /**
   * Attempts of one order before it fails with `CONCURRENCY_CONFLICT`.
   * @default 8
   */
  maxAttempts?: number;
  /**
   * Upper bound of the random pause between attempts, in ms; it doubles each attempt.
   * @default 2
   */
  backoffMs?: number;
}
