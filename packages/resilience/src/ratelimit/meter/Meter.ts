/**
 * The arithmetic of one local rate limit: its state and nothing else — no clock, no
 * events, no name. Limiters read the clock once and pass `now`, so a keyed limiter can
 * hold one small meter per key.
 */
export interface Meter {
  /** The most permits one request can ever take at once (burst or window limit). */
  readonly capacity: number;
  /**
   * Takes `permits` at time `now` when they are available and returns `0`; otherwise
   * takes nothing and returns how long until they would be, in ms (always `> 0`).
   * `permits` must be in `(0, capacity]`.
   */
  take(permits: number, now: number): number;
  /** How long until `permits` could be taken, in ms from `now`; `0` when they can be now. */
  wait(permits: number, now: number): number;
  /** How many permits could be taken at `now` (may be fractional). */
  available(now: number): number;
}

/**
 * Slack in time comparisons, in ms, so that float rounding never refuses a request
 * that is exactly on time: one microsecond.
 */
export const TIME_EPSILON_MS = 1e-3;
