import type { ResilienceErrorCode } from './ResilienceErrorCode.js';

const brand = Symbol.for('@mallkit/resilience/error');

/**
 * Base class of every error that @mallkit/resilience throws.
 *
 * Branch on {@link ResilienceError.code}, never on the message: codes are stable across
 * versions, messages are for people. The underlying failure, when there is one, is kept
 * as `cause`. Rejections that a caller may retry later carry `retryAfterMs`.
 *
 * @example
 * ```ts
 * import { isResilienceError } from '@mallkit/resilience';
 *
 * try {
 *   await work();
 * } catch (error) {
 *   if (isResilienceError(error) && error.code === 'RATE_LIMITED') {
 *     console.log(`retry in ${error.retryAfterMs} ms`);
 *   } else throw error;
 * }
 * declare function work(): Promise<void>;
 * ```
 */
export class ResilienceError extends Error {
  /** Stable machine-readable identifier of the failure. */
  readonly code: ResilienceErrorCode;
  /** When the caller may try again, in milliseconds from now, where that is known. */
  readonly retryAfterMs: number | undefined;

  /**
   * @param code - stable identifier of the failure
   * @param message - what went wrong, for people
   * @param options - `cause`: the original error; `retryAfterMs`: when to try again
   */
  constructor(
    code: ResilienceErrorCode,
    message: string,
    options: { cause?: unknown; retryAfterMs?: number | undefined } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * Whether `error` was thrown by @mallkit/resilience. Unlike `instanceof`, this holds
 * when two copies of the package are installed side by side.
 */
export function isResilienceError(error: unknown): error is ResilienceError {
  return typeof error === 'object' && error !== null && brand in error;
}
