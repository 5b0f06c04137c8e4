import { SyncError } from '../errors/SyncError.js';

/** `value` if it is a positive safe integer, else an INVALID_OPTION SyncError naming `name`. @internal */
export function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new SyncError('INVALID_OPTION', `${name} must be a positive integer; got ${value}`);
  }
  return value;
}
