/** Per-call options of {@link DependencyPolicy.execute}. */
export interface CallOptions {
  /**
   * The call may be sent again after a transient failure. Say so only for reads and
   * for writes that are idempotent (keyed by a unique order number, say).
   * @default the policy's `retry.idempotentByDefault` (false)
   */
  idempotent?: boolean;
  /**
   * Abandons the call when aborted: the caller gets the signal's reason, the attempt's
   * signal aborts, no retry follows.
   * @default none
   */
  signal?: AbortSignal;
  /**
   * The key handed to the policy's limiter (a user id, a SKU) for per-key limits.
   * @default none
   */
  limitKey?: string;
}
