import { CacheError } from '../errors/CacheError.js';
import { MAX_DISPERSED_COPIES } from './dispersedKey.js';

/**
 * A copy to read, chosen uniformly at random among `copies`: an integer from 0 to
 * `copies − 1`, for {@link dispersedKey}.
 *
 * @param copies - an integer from 1 to {@link MAX_DISPERSED_COPIES}
 * @param random - source of numbers in [0, 1)
 * @throws CacheError `INVALID_OPTION` when `copies` is out of range
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
