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
 * import assert from 'node:assert/strict';
 * import { CacheError, createCache, MemoryL2 } from '@mallkit/cache';
 *
 * // Plays a Redis that is down.
 * class DownL2 extends MemoryL2 {
 *   override async delete(): Promise<void> {
 *     throw new Error('connect ECONNREFUSED');
 *   }
 * }
 * const products = createCache<string>({ namespace: 'doc:CacheError', l2: new DownL2() });
 * try {
 *   await products.invalidate('sku-1'); // after a database write
 *   assert.fail('expected L2_UNAVAILABLE');
 * } catch (error) {
 *   if (!(error instanceof CacheError)) throw error;
 *   assert.equal(error.code, 'L2_UNAVAILABLE'); // the L2 copy may stay stale until its TTL
 *   assert.ok(error.cause !== undefined); // what the L2 call failed with
 * }
 * await products.close();
 * ```
 *
 * @group Errors
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
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, isCacheError } from '@mallkit/cache';
 *
 * const products = createCache<string>({ namespace: 'doc:isCacheError' });
 * try {
 *   await products.get(''); // an empty key
 *   assert.fail('expected INVALID_KEY');
 * } catch (error) {
 *   if (!isCacheError(error)) throw error;
 *   assert.equal(error.code, 'INVALID_KEY'); // `error` is a CacheError here
 * }
 * await products.close();
 * ```
 *
 * @group Errors
 */
export function isCacheError(error: unknown): error is CacheError {
  return typeof error === 'object' && error !== null && brand in error;
}
