import type { CircuitStateName } from './DependencyPolicyEvents.js';

/** A snapshot of a {@link DependencyPolicy}'s counters, for metrics. Counters only grow. */
export interface DependencyPolicyStats {
  /** The policy's name. */
  name: string;
  /** The circuit's state now (`'closed'` when there is no breaker). */
  state: CircuitStateName;
  /** Calls made through `execute`. */
  calls: number;
  /** Calls that returned a value. */
  successes: number;
  /** Calls that ended in an error after their last attempt (rejections excluded). */
  failures: number;
  /** Attempts abandoned at their deadline. */
  timeouts: number;
  /** Attempts made after a failure. */
  retries: number;
  /** Calls refused before an attempt, by who refused. */
  rejected: {
    /** Refused by the rate limiter. */
    limiter: number;
    /** Refused because the circuit was open. */
    circuit: number;
    /** Refused because the bulkhead and its queue were full. */
    bulkhead: number;
  };
  /** Times the circuit opened. */
  openings: number;
  /** Calls holding a bulkhead slot now. */
  running: number;
  /** Calls waiting for a bulkhead slot now. */
  queued: number;
}
