import type { CircuitStateName } from './DependencyPolicyEvents.js';

/**
 * A snapshot of a {@link DependencyPolicy}'s counters, for metrics. Counters only grow.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DependencyPolicy, type DependencyPolicyStats } from '@mallkit/resilience';
 *
 * const policy = new DependencyPolicy({ name: 'doc:DependencyPolicyStats' });
 * await policy.execute(() => 'ok');
 * await policy.execute(() => Promise.reject(new Error('duplicate order number'))).catch(() => {});
 *
 * const stats: DependencyPolicyStats = policy.stats(); // e.g. exported as metrics every 10 s
 * assert.deepEqual(stats, {
 *   name: 'doc:DependencyPolicyStats',
 *   state: 'closed',
 *   calls: 2,
 *   successes: 1,
 *   failures: 1,
 *   timeouts: 0,
 *   retries: 0,
 *   rejected: { limiter: 0, circuit: 0, bulkhead: 0 },
 *   openings: 0,
 *   running: 0,
 *   queued: 0,
 * });
 * ```
 *
 * @group Dependency policy
 */
export interface DependencyPolicyStats {
  /** The policy's name. */
  name: string;
  /** The circuit's state now (`'closed'` when there is no breaker). */
  state: CircuitStateName;
  /**
   * Calls made through `execute`, except those rejected before the limiter could decide
   * (no `limitKey` for a keyed limiter, or a limiter that threw).
   */
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
