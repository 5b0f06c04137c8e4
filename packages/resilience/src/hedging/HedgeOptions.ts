/** When and how often {@link hedge} sends a backup request. */
export interface HedgeOptions {
  /**
   * How long the first request may run before a backup is sent, in ms — typically the
   * dependency's p95 latency, so only the slowest 5% of calls are hedged. A function
   * is asked on every call, so the delay can follow a live latency estimate.
   */
  delayMs: number | (() => number);
  /**
   * Backup requests at most, each `delayMs` after the previous one.
   * @default 1
   */
  maxHedges?: number;
  /**
   * Abandons the call (and aborts every request in flight) when aborted.
   * @default none
   */
  signal?: AbortSignal;
}
