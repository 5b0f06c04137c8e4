import { SyncError } from '../errors/SyncError.js';

/**
 * `value` when it is an integer >= `min`, `fallback` when it is `undefined`; otherwise
 * throws a `SyncError` `INVALID_OPTION` naming `component` and `name`.
 */
export function integerOption(
  component: string,
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new SyncError(
      'INVALID_OPTION',
      `${component}: ${name} must be an integer >= ${min}, not ${String(value)}`,
    );
  }
  return value;
}
