import type { RejectionEvent } from '../observability/RejectionEvent.js';

/** A circuit's state, by name. */
export type CircuitStateName = 'closed' | 'open' | 'halfOpen' | 'isolated';

/** Events of a {@link DependencyPolicy}, also published on {@link channels}. */
export interface DependencyPolicyEvents {
  /** A call was refused by the limiter, breaker or bulkhead, or abandoned at its deadline. */
  rejected: RejectionEvent;
  /** The circuit changed state. */
  'breaker.state': { name: string; from: CircuitStateName; to: CircuitStateName; cause?: unknown };
  /** An attempt passed its deadline. */
  'policy.timeout': { name: string; timeoutMs: number; attempt: number };
  /** A failed attempt will be tried again after `delayMs`. */
  'policy.retry': { name: string; attempt: number; delayMs: number; error: unknown };
}
