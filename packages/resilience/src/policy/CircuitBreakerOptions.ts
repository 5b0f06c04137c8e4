import type { IBackoffFactory, IBreaker, IHalfOpenAfterBackoffContext } from 'cockatiel';

/**
 * How a {@link CircuitBreaker} decides to open and when it probes again.
 *
 * The decision to open comes from a cockatiel breaker: `'consecutive'`
 * (`ConsecutiveBreaker`), `'sampling'` (`SamplingBreaker`: failure ratio over a time
 * window, with a minimum throughput), `'count'` (`CountBreaker`: failure ratio over the
 * last N calls), or any `IBreaker` you pass.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CircuitBreakerOptions, DependencyPolicy, ManualClock } from '@mallkit/resilience';
 *
 * class NotFoundError extends Error {}
 * const breaker: CircuitBreakerOptions = {
 *   kind: 'consecutive',
 *   threshold: 3, // 3 failures in a row open the circuit
 *   halfOpenAfterMs: 10_000,
 *   isFailure: (error) => !(error instanceof NotFoundError), // a miss says nothing of health
 * };
 * const catalog = new DependencyPolicy({
 *   name: 'doc:CircuitBreakerOptions',
 *   breaker,
 *   clock: new ManualClock(),
 * });
 * const fail = (error: Error) => catalog.execute(() => Promise.reject(error)).catch(() => {});
 *
 * for (let i = 0; i < 5; i++) await fail(new NotFoundError('no such SKU'));
 * assert.equal(catalog.stats().state, 'closed');
 * for (let i = 0; i < 3; i++) await fail(new Error('read ECONNRESET'));
 * assert.equal(catalog.stats().state, 'open');
 * ```
 *
 * @group Dependency policy
 */
export interface CircuitBreakerOptions {
  /**
   * The breaker algorithm, or your own cockatiel `IBreaker`.
   * @default 'consecutive'
   */
  kind?: 'consecutive' | 'sampling' | 'count' | IBreaker;
  /**
   * `'consecutive'`: failures in a row that open the circuit (integer >= 1).
   * `'sampling'` and `'count'`: failure ratio in (0, 1] that opens it.
   * @default 5 for 'consecutive', 0.5 otherwise
   */
  threshold?: number;
  /**
   * `'sampling'`: length of the window the ratio is measured over, in ms.
   * @default 10000
   */
  samplingDurationMs?: number;
  /**
   * `'sampling'`: calls per second below which the circuit never opens (too few
   * calls to judge).
   * @default 5
   */
  minimumRps?: number;
  /**
   * `'count'`: how many recent calls the ratio is measured over.
   * @default 100
   */
  size?: number;
  /**
   * `'count'`: calls needed in the window before the circuit can open.
   * @default 20
   */
  minimumCalls?: number;
  /**
   * How long the circuit stays open before letting probes through: a fixed time in
   * ms, or a cockatiel backoff (e.g. an `ExponentialBackoff`) that grows each time a
   * probe fails.
   * @default 5000
   */
  halfOpenAfterMs?: number | IBackoffFactory<IHalfOpenAfterBackoffContext>;
  /**
   * Probes let through while half-open. All must succeed to close the circuit; one
   * failure opens it again. Calls beyond the probes are rejected at once.
   * @default 1
   */
  halfOpenProbes?: number;
  /**
   * Which errors count against the dependency. Return false for errors that say
   * nothing about its health (a "not found", a validation error): they neither open
   * nor close the circuit.
   * @default every error counts
   */
  isFailure?: (error: unknown) => boolean;
}
