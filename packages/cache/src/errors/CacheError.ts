import type { CacheErrorCode } from './CacheErrorCode.js';

const brand = Symbol.for('@mallkit/cache/error');

/**
 * Base class of every error that @mallkit/cache throws.
 *
 * Branch on {@link CacheError.code}, never on the message: codes are stable across
 * versions, messages are for people. The underlying failure, when there is one,
 * is kept as `cause`.
 *
 * @example
 * ```ts
 * import { isCacheError } from '@mallkit/cache';
 *
 * try {
 *   await work();
 * } catch (error) {
 *   if (isCacheError(error)) console.error(error.code, error.message);
 *   else throw error;
 * }
 * declare function work(): Promise<void>;
 * ```
 */
export class CacheError extends Error {
  /** Stable machine-readable identifier of the failure, e.g. `'INVALID_KEY'`. */
  readonly code: CacheErrorCode;

  /**
   * @param code - stable identifier of the failure
   * @param message - what went wrong, for people
   * @param options - `cause`: the original error, kept for diagnosis
   */
  constructor(code: CacheErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * Whether `error` was thrown by @mallkit/cache. Unlike `instanceof`, this holds when
 * two copies of the package are installed side by side.
 */
export function isCacheError(error: unknown): error is CacheError {
  return typeof error === 'object' && error !== null && brand in error;
}
