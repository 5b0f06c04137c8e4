/** What the function guarded by a {@link DependencyPolicy} receives on each attempt. */
export interface AttemptContext {
  /**
   * Aborted when the attempt passes its deadline (reason: {@link TimeoutError}) or
   * the caller's signal aborts. Hand it to the client (fetch, a driver's query
   * options) so a timed-out call also gives its connection back. Created on first
   * read: calls that never read it pay nothing for it.
   */
  readonly signal: AbortSignal;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  readonly attempt: number;
}
