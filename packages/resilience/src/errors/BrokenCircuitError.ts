import { ResilienceError } from './ResilienceError.js';

/**
 * The dependency's circuit breaker is open: the call was not attempted.
 * `retryAfterMs` is the time left before the breaker lets a probe through.
 */
export class BrokenCircuitError extends ResilienceError {
  /** Name of the policy whose breaker is open. */
  readonly policy: string;

  /**
   * @param policy - name of the policy
   * @param retryAfterMs - time left before half-open, in ms
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
