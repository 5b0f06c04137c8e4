import type { SyncErrorCode } from './SyncErrorCode.js';

const brand = Symbol.for('@mallkit/sync/error');

/**
 * Base class of every error that @mallkit/sync throws.
 *
 * Branch on {@link SyncError.code}, never on the message: codes are stable across
 * versions, messages are for people. The underlying failure, when there is one,
 * is kept as `cause`.
 *
 * @example
 * ```ts
 * import { isSyncError } from '@mallkit/sync';
 *
 * try {
 *   await work();
 * } catch (error) {
 *   if (isSyncError(error)) console.error(error.code, error.message);
 *   else throw error;
 * }
 * declare function work(): Promise<void>;
 * ```
 */
export class SyncError extends Error {
  /** Stable machine-readable identifier of the failure, e.g. `'SOURCE_MISCONFIGURED'`. */
  readonly code: SyncErrorCode;

  /**
   * @param code - stable identifier of the failure
   * @param message - what went wrong, for people
   * @param options - `cause`: the original error, kept for diagnosis
   */
  constructor(code: SyncErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * Whether `error` was thrown by @mallkit/sync. Unlike `instanceof`, this holds when
 * two copies of the package are installed side by side.
 */
export function isSyncError(error: unknown): error is SyncError {
  return typeof error === 'object' && error !== null && brand in error;
}
