import type { IBackoffFactory, IRetryBackoffContext } from 'cockatiel';
import type { EventHub } from '../observability/EventHub.js';
import type { RejectionEvent } from '../observability/RejectionEvent.js';
import type { Attempt } from './Attempt.js';
import type { Bulkhead } from './Bulkhead.js';
import type { CircuitBreaker } from './CircuitBreaker.js';
import type { DeadlineQueue } from './DeadlineQueue.js';
import type { DependencyPolicyEvents } from './DependencyPolicyEvents.js';

/** Retry settings with every default applied. */
export interface ResolvedRetry {
  maxAttempts: number;
  backoff: IBackoffFactory<IRetryBackoffContext<unknown>>;
  retryOn: (error: unknown) => boolean;
  idempotentByDefault: boolean;
}

/** A policy's counters; {@link DependencyPolicy.stats} copies them. */
export interface PolicyCounters {
  calls: number;
  successes: number;
  failures: number;
  timeouts: number;
  retries: number;
  rejected: { limiter: number; circuit: number; bulkhead: number };
}

/** The parts of a {@link DependencyPolicy} that each of its calls works with. */
export interface PolicyCore {
  readonly name: string;
  readonly timeoutMs: number;
  readonly breaker: CircuitBreaker | undefined;
  readonly bulkhead: Bulkhead | undefined;
  readonly retry: ResolvedRetry | undefined;
  readonly deadlines: DeadlineQueue<Attempt> | undefined;
  readonly counters: PolicyCounters;
  readonly events: EventHub<DependencyPolicyEvents>;
  /** Emits the `rejected` event for `error` and returns it. */
  rejection<E extends Error & { code: string }>(
    source: RejectionEvent['source'],
    error: E,
    key?: string,
  ): E;
}
