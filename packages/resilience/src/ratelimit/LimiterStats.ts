/** Counters every rate limiter's `stats()` returns, since it was built. */
export interface LimiterStats {
  /** The limiter's name. */
  name: string;
  /** Requests admitted. */
  allowed: number;
  /** Requests refused. */
  refused: number;
}
