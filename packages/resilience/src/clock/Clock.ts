/**
 * A source of time in milliseconds. Components take one so that tests (and
 * simulations) can drive time by hand with {@link ManualClock} instead of sleeping.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { BrokenCircuitError, CircuitBreaker, type Clock } from '@mallkit/resilience';
 *
 * // Any monotonic millisecond source will do; this one a test moves by hand.
 * let now = 0;
 * const clock: Clock = { now: () => now };
 * const breaker = new CircuitBreaker('doc:Clock', { threshold: 1, halfOpenAfterMs: 1000 }, clock);
 *
 * breaker.failure(breaker.enter(), new Error('connect ECONNREFUSED')); // opens the circuit
 * assert.throws(() => breaker.enter(), BrokenCircuitError);
 * now += 1000; // a second later, on this clock
 * assert.equal(breaker.enter(), true); // half-open: this call is the probe
 * ```
 *
 * @group Clock
 */
export interface Clock {
  /** Milliseconds on a monotonic scale; only differences are meaningful. */
  now(): number;
}

/**
 * The process's monotonic clock (`performance.now()`).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DependencyPolicy, systemClock } from '@mallkit/resilience';
 *
 * // systemClock is the default clock of every component.
 * const policy = new DependencyPolicy({ name: 'doc:systemClock', clock: systemClock });
 * const started = systemClock.now();
 * assert.equal(await policy.execute(() => 'pong'), 'pong');
 * const tookMs = systemClock.now() - started; // only differences are meaningful
 * assert.ok(tookMs >= 0 && tookMs < 1000);
 * ```
 *
 * @group Clock
 */
export const systemClock: Clock = {
  now: () => performance.now(),
};
