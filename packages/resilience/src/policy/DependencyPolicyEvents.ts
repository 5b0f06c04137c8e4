import type { RejectionEvent } from '../observability/RejectionEvent.js';

/** A circuit's state, by name. */
export type CircuitStateName = 'closed' | 'open' | 'halfOpen' | 'isolated';

/** A circuit changed state. */
export interface BreakerStateEvent {
  /** The policy's name. */
  name: string;
  /** The state before. */
  from: CircuitStateName;
  /** The state now. */
  to: CircuitStateName;
  /** The failure that opened the circuit, when `to` is `'open'`. */
  cause?: unknown;
}

/** An attempt passed its deadline. */
export interface PolicyTimeoutEvent {
  /** The policy's name. */
  name: string;
  /** The deadline that passed, in ms. */
  timeoutMs: number;
  /** Which attempt timed out (1 for the first). */
  attempt: number;
}

/** A failed attempt will be tried again. */
export interface PolicyRetryEvent {
  /** The policy's name. */
  name: string;
  /** The attempt that failed (1 for the first). */
  attempt: number;
  /** The wait before the next attempt, in ms. */
  delayMs: number;
  /** Why the attempt failed. */
  error: unknown;
}

/** Events of a {@link DependencyPolicy}, also published on {@link channels}. */
export interface DependencyPolicyEvents {
  /** A call was refused by the limiter, breaker or bulkhead. */
  rejected: RejectionEvent;
  /** The circuit changed state. */
  'breaker.state': BreakerStateEvent;
  /** An attempt passed its deadline. */
  'policy.timeout': PolicyTimeoutEvent;
  /** A failed attempt will be tried again after `delayMs`. */
  'policy.retry': PolicyRetryEvent;
}
