import { ResilienceError } from './ResilienceError.js';

/**
 * A component was constructed with an invalid option, or a call was made with one (a
 * {@link DependencyPolicy} call without the `limitKey` its keyed limiter needs); the
 * message names it, and says where a value you did not give came from (a preset, a
 * default) and how to fix it.
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
 *
 * @group Errors
 */
export class InvalidOptionError extends ResilienceError {
  /** Dotted path of the option, e.g. `'tokenBucket.ratePerSecond'`. */
  readonly option: string;

  /**
   * @param option - dotted path of the option
   * @param expectation - what the option must be
   * @param actual - the value given
   * @param hint - where the values involved came from, or how to fix it; appended to
   * the message as a sentence of its own
   */
  constructor(option: string, expectation: string, actual: unknown, hint?: string) {
    super(
      'INVALID_OPTION',
      `option "${option}" must be ${expectation}; got ${describe(actual)}${hint === undefined ? '' : `. ${hint}`}`,
    );
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
