import { ResilienceError } from './ResilienceError.js';

/**
 * A component was constructed with an invalid option; the message names it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DependencyPolicy, InvalidOptionError } from '@mallkit/resilience';
 *
 * // Bad configuration fails at start-up, naming the option.
 * assert.throws(
 *   () => new DependencyPolicy({ name: 'doc:InvalidOptionError', retry: { maxAttempts: 0 } }),
 *   (error: unknown) =>
 *     error instanceof InvalidOptionError &&
 *     error.code === 'INVALID_OPTION' &&
 *     error.option === 'retry.maxAttempts' &&
 *     error.message === 'option "retry.maxAttempts" must be an integer >= 1; got 0',
 * );
 * ```
 */
export class InvalidOptionError extends ResilienceError {
  /** Dotted path of the option, e.g. `'tokenBucket.ratePerSecond'`. */
  readonly option: string;

  /**
   * @param option - dotted path of the option
   * @param expectation - what the option must be
   * @param actual - the value given
   */
  constructor(option: string, expectation: string, actual: unknown) {
    super('INVALID_OPTION', `option "${option}" must be ${expectation}; got ${describe(actual)}`);
    this.option = option;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value === undefined || value === null) return String(value);
  return typeof value;
}
