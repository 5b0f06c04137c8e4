/**
 * Every `code` a {@link CacheError} can carry:
 * - `INVALID_KEY`: empty, too long, or not a string;
 * - `BATCH_TOO_LARGE`: more keys in one call than `maxBatchSize`;
 * - `VALUE_TOO_LARGE`: not thrown: a value over `maxValueBytes` is returned uncached and
 *   reported by the `value.tooLarge` event;
 * - `SERIALIZATION`: a value could not be serialized (a stored value that cannot be
 *   parsed reads as a miss);
 * - `L2_UNAVAILABLE`: Redis failed, timed out or had its circuit open where the caller
 *   must know: `invalidate` could not delete, `set` could not store, `clusterMget` could
 *   not read (reads through the cache never throw it: they fall back to the loader);
 * - `INVALID_OPTION`: a component was built with an invalid option;
 * - `CLOSED`: the cache was used after `close()`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheErrorCode, createCache, isCacheError } from '@mallkit/cache';
 *
 * // The HTTP status an API answers for a cache failure.
 * function statusOf(code: CacheErrorCode): number {
 *   switch (code) {
 *     case 'INVALID_KEY':
 *     case 'BATCH_TOO_LARGE':
 *       return 400;
 *     case 'L2_UNAVAILABLE':
 *       return 503;
 *     default:
 *       return 500;
 *   }
 * }
 * const products = createCache<string>({
 *   namespace: 'doc:CacheErrorCode',
 *   keys: { maxBatchSize: 10 },
 * });
 * const skus = Array.from({ length: 11 }, (_, i) => `sku-${i}`);
 * const error = await products.getMany(skus).catch((e: unknown) => e);
 * assert.ok(isCacheError(error));
 * assert.equal(error.code, 'BATCH_TOO_LARGE');
 * assert.equal(statusOf(error.code), 400);
 * await products.close();
 * ```
 *
 * @group Errors
 */
export type CacheErrorCode =
  | 'INVALID_KEY'
  | 'BATCH_TOO_LARGE'
  | 'VALUE_TOO_LARGE'
  | 'SERIALIZATION'
  | 'L2_UNAVAILABLE'
  | 'INVALID_OPTION'
  | 'CLOSED';
