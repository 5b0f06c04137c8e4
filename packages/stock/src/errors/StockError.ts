import type { StockErrorCode } from './StockErrorCode.js';

const brand = Symbol.for('@mallkit/stock/error');

/**
 * Base class of every error that @mallkit/stock throws.
 *
 * Branch on {@link StockError.code}, never on the message: codes are stable across
 * versions, messages are for people. The underlying failure, when there is one,
 * is kept as `cause`.
 *
 * @example
 * ```ts
 * import { isStockError } from '@mallkit/stock';
 *
 * try {
 *   await work();
 * } catch (error) {
 *   if (isStockError(error)) console.error(error.code, error.message);
 *   else throw error;
 * }
 * declare function work(): Promise<void>;
 * ```
 */
export class StockError extends Error {
  /** Stable machine-readable identifier of the failure, e.g. `'INSUFFICIENT_STOCK'`. */
  readonly code: StockErrorCode;

  /**
   * @param code - stable identifier of the failure
   * @param message - what went wrong, for people
   * @param options - `cause`: the original error, kept for diagnosis
   */
  constructor(code: StockErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * Whether `error` was thrown by @mallkit/stock. Unlike `instanceof`, this holds when
 * two copies of the package are installed side by side.
 */
export function isStockError(error: unknown): error is StockError {
  return typeof error === 'object' && error !== null && brand in error;
}
