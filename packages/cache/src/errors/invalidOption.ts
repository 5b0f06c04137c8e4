import { CacheError } from './CacheError.js';

/** The `INVALID_OPTION` error naming `option`, what it must be, and what it was. */
export function invalidOption(option: string, expectation: string, actual: unknown): CacheError {
  const shown = typeof actual === 'string' ? JSON.stringify(actual) : String(actual);
  return new CacheError(
    'INVALID_OPTION',
    `option "${option}" must be ${expectation}; got ${shown}`,
  );
}

/** `value` if it is an integer in [min, max], else an `INVALID_OPTION` error naming `option`. */
export function requireInteger(
  option: string,
  value: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw invalidOption(option, `an integer ${range}`, value);
  }
  return value;
}
