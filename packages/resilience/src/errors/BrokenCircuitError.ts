import { ResilienceError } from './ResilienceError.js';

/**
 * The dependency's circuit breaker is open: the call was not attempted.
 * `retryAfterMs` is the time left before the breaker lets a probe through, in whole ms
 * (rounded up); `Infinity` while the circuit is isolated by hand.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { BrokenCircuitError, DependencyPolicy, ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const payments = new DependencyPolicy({
 *   name: 'doc:BrokenCircuitError',
 *   breaker: { kind: 'consecutive', threshold: 1, halfOpenAfterMs: 5000 },
 *   clock,
 * });
 * const down = new Error('connect ECONNREFUSED');
 * await assert.rejects(payments.execute(() => Promise.reject(down)), down); // opens the circuit
 * clock.advance(2000);
 *
 * const error = await payments.execute(() => 'not attempted').catch((e: unknown) => e);
 * assert.ok(error instanceof BrokenCircuitError);
 * assert.equal(error.code, 'CIRCUIT_OPEN');
 * assert.equal(error.policy, 'doc:BrokenCircuitError');
 * assert.equal(error.retryAfterMs, 3000); // until the breaker lets a probe through
 * assert.equal(error.cause, down);
 * ```
 *
 * @group Errors
 */
export class BrokenCircuitError extends ResilienceError {
  /** Name of the policy whose breaker is open. */
  readonly policy: string;

  /**
   * @param policy - name of the policy
   * @param retryAfterMs - time left before half-open, in ms (rounded up to a whole number)
   * @param cause - the failure that opened the circuit
   */
  constructor(policy: string, retryAfterMs: number, cause?: unknown) {
    super(
      'CIRCUIT_OPEN',
      `circuit "${policy}" is open; next probe in ${Math.ceil(retryAfterMs)} ms`,
      {
        cause,
        retryAfterMs,
      },
    );
    this.policy = policy;
  }
}
