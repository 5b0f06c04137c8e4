import type { RejectionEvent } from '../observability/RejectionEvent.js';

/**
 * A circuit's state, by name.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CircuitStateName, DependencyPolicy } from '@mallkit/resilience';
 *
 * // A readiness probe: not ready while the database circuit refuses every call.
 * function ready(state: CircuitStateName): boolean {
 *   return state === 'closed' || state === 'halfOpen';
 * }
 * const mysql = new DependencyPolicy({ name: 'doc:CircuitStateName', preset: 'database' });
 * assert.equal(ready(mysql.stats().state), true);
 * const release = mysql.breaker?.isolate(); // a maintenance window
 * assert.equal(mysql.stats().state, 'isolated');
 * assert.equal(ready(mysql.stats().state), false);
 * release?.();
 * assert.equal(mysql.stats().state, 'closed');
 * ```
 *
 * @group Dependency policy
 */
export type CircuitStateName = 'closed' | 'open' | 'halfOpen' | 'isolated';

/**
 * A circuit changed state.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type BreakerStateEvent, DependencyPolicy, ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const search = new DependencyPolicy({
 *   name: 'doc:BreakerStateEvent',
 *   breaker: { threshold: 1, halfOpenAfterMs: 1000 },
 *   clock,
 * });
 * const changes: BreakerStateEvent[] = [];
 * search.events.on('breaker.state', (event) => changes.push(event)); // e.g. alert on 'open'
 *
 * const down = new Error('connect ECONNREFUSED');
 * await search.execute(() => Promise.reject(down)).catch(() => {});
 * clock.advance(1000);
 * await search.execute(() => 'hits'); // the probe succeeds
 * assert.deepEqual(
 *   changes.map((e) => `${e.from} -> ${e.to}`),
 *   ['closed -> open', 'open -> halfOpen', 'halfOpen -> closed'],
 * );
 * assert.equal(changes[0]?.cause, down);
 * ```
 *
 * @group Dependency policy
 */
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

/**
 * An attempt passed its deadline.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   type AttemptContext,
 *   DependencyPolicy,
 *   type PolicyTimeoutEvent,
 * } from '@mallkit/resilience';
 *
 * // A query that takes a second, and stops when its signal aborts (as fetch does).
 * function slowQuery({ signal }: AttemptContext): Promise<string> {
 *   return new Promise((resolve, reject) => {
 *     const timer = setTimeout(resolve, 1000, 'rows');
 *     signal.addEventListener('abort', () => {
 *       clearTimeout(timer);
 *       reject(signal.reason);
 *     });
 *   });
 * }
 * const search = new DependencyPolicy({ name: 'doc:PolicyTimeoutEvent', timeoutMs: 20 });
 * const timeouts: PolicyTimeoutEvent[] = [];
 * search.events.on('policy.timeout', (event) => timeouts.push(event)); // e.g. a metric
 *
 * await assert.rejects(search.execute(slowQuery), { code: 'TIMEOUT' });
 * assert.deepEqual(timeouts, [{ name: 'doc:PolicyTimeoutEvent', timeoutMs: 20, attempt: 1 }]);
 * ```
 *
 * @group Dependency policy
 */
export interface PolicyTimeoutEvent {
  /** The policy's name. */
  name: string;
  /** The deadline that passed, in ms. */
  timeoutMs: number;
  /** Which attempt timed out (1 for the first). */
  attempt: number;
}

/**
 * A failed attempt will be tried again.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DependencyPolicy, type PolicyRetryEvent } from '@mallkit/resilience';
 *
 * const stock = new DependencyPolicy({
 *   name: 'doc:PolicyRetryEvent',
 *   retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 },
 * });
 * const retries: PolicyRetryEvent[] = [];
 * stock.events.on('policy.retry', (event) => retries.push(event));
 *
 * const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
 * const level = await stock.execute(
 *   ({ attempt }) => (attempt < 3 ? Promise.reject(reset) : Promise.resolve(12)),
 *   { idempotent: true },
 * );
 * assert.equal(level, 12);
 * assert.deepEqual(
 *   retries.map((e) => [e.name, e.attempt, e.error]),
 *   [
 *     ['doc:PolicyRetryEvent', 1, reset],
 *     ['doc:PolicyRetryEvent', 2, reset],
 *   ],
 * );
 * assert.ok(retries.every((e) => e.delayMs <= 5)); // the backoff stays under maxDelayMs
 * ```
 *
 * @group Dependency policy
 */
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

/**
 * Events of a {@link DependencyPolicy}, also published on {@link channels}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DependencyPolicy, type DependencyPolicyEvents } from '@mallkit/resilience';
 *
 * const search = new DependencyPolicy({
 *   name: 'doc:DependencyPolicyEvents',
 *   timeoutMs: 20,
 *   retry: { initialDelayMs: 1, maxDelayMs: 5 },
 * });
 * // One log line for every event of the policy.
 * const log: string[] = [];
 * const names: Array<keyof DependencyPolicyEvents> = [
 *   'rejected',
 *   'breaker.state',
 *   'policy.timeout',
 *   'policy.retry',
 * ];
 * for (const name of names) search.events.on(name, (event) => log.push(`${name} ${event.name}`));
 *
 * // The first attempt takes a second, past its deadline; the retry answers at once.
 * const hits = await search.execute(
 *   ({ attempt, signal }) =>
 *     new Promise<string[]>((resolve, reject) => {
 *       const timer = setTimeout(resolve, attempt === 1 ? 1000 : 0, ['kettle']);
 *       signal.addEventListener('abort', () => {
 *         clearTimeout(timer);
 *         reject(signal.reason);
 *       });
 *     }),
 *   { idempotent: true },
 * );
 * assert.deepEqual(hits, ['kettle']);
 * assert.deepEqual(log, [
 *   'policy.timeout doc:DependencyPolicyEvents',
 *   'rejected doc:DependencyPolicyEvents', // source 'timeout'
 *   'policy.retry doc:DependencyPolicyEvents',
 * ]);
 * ```
 *
 * @group Dependency policy
 */
export interface DependencyPolicyEvents {
  /**
   * A call was refused by the limiter, breaker or bulkhead, or an attempt was abandoned
   * at its deadline (`source: 'timeout'`, once per attempt, also when it is retried).
   * The event names the policy. On `channels.rejected`, a refusal by a limiter of this
   * package is published by the limiter alone (naming the limiter), so that it is
   * published once; this policy's listeners still get it.
   */
  rejected: RejectionEvent;
  /** The circuit changed state. */
  'breaker.state': BreakerStateEvent;
  /** An attempt passed its deadline. */
  'policy.timeout': PolicyTimeoutEvent;
  /** A failed attempt will be tried again after `delayMs`. */
  'policy.retry': PolicyRetryEvent;
}
