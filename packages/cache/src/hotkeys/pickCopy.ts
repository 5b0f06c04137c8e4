import { CacheError } from '../errors/CacheError.js';
import { MAX_DISPERSED_COPIES } from './dispersedKey.js';

/**
 * A copy to read, chosen uniformly at random among `copies`: an integer from 0 to
 * `copies − 1`, for {@link dispersedKey}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { dispersedKey, pickCopy } from '@mallkit/cache';
 *
 * const copy = pickCopy(4); // 0, 1, 2 or 3, uniformly
 * assert.ok(Number.isInteger(copy) && copy >= 0 && copy < 4);
 * assert.match(dispersedKey('sku:phone-x', copy), /^sku:phone-x#[0-3]$/);
 * assert.equal(
 *   pickCopy(4, () => 0.99),
 *   3,
 * ); // your own random source, e.g. a seeded one in tests
 * assert.throws(() => pickCopy(0), { code: 'INVALID_OPTION' });
 * ```
 *
 * @param copies - an integer from 1 to {@link MAX_DISPERSED_COPIES}
 * @param random - source of numbers in [0, 1)
 * @throws CacheError `INVALID_OPTION` when `copies` is out of range
 *
 * @group Hot keys
 */
export function pickCopy(copies: number, random: () => number = Math.random): number {
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_DISPERSED_COPIES) {
    throw new CacheError(
      'INVALID_OPTION',
      `copies must be an integer from 1 to ${MAX_DISPERSED_COPIES}; got ${String(copies)}`,
    );
  }
  const copy = Math.floor(random() * copies);
  return copy < copies ? copy : copies - 1;
}
