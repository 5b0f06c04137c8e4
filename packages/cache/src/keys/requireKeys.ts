import { CacheError } from '../errors/CacheError.js';
import type { KeyRules } from './KeyRules.js';

/** Throws `INVALID_KEY` unless `key` is a non-empty string within `maxKeyLength`. */
export function requireKey(key: unknown, maxKeyLength: number): string {
  if (typeof key !== 'string') {
    throw new CacheError(
      'INVALID_KEY',
      `cache key must be a string; got ${key === null ? 'null' : typeof key}`,
    );
  }
  if (key.length === 0) throw new CacheError('INVALID_KEY', 'cache key must not be empty');
  if (key.length > maxKeyLength) {
    throw new CacheError(
      'INVALID_KEY',
      `cache key is ${key.length} characters long; the limit is ${maxKeyLength}`,
    );
  }
  return key;
}

/**
 * Checks a batch before anything is sent: an array of at most `maxBatchSize` valid
 * keys. Throws `BATCH_TOO_LARGE` or `INVALID_KEY` (naming the position).
 */
export function requireKeys(keys: unknown, rules: Required<KeyRules>): string[] {
  if (!Array.isArray(keys)) throw new CacheError('INVALID_KEY', 'keys must be an array of strings');
  if (keys.length > rules.maxBatchSize) {
    throw new CacheError(
      'BATCH_TOO_LARGE',
      `${keys.length} keys in one call; the limit is ${rules.maxBatchSize}`,
    );
  }
  for (let i = 0; i < keys.length; i++) {
    try {
      requireKey(keys[i], rules.maxKeyLength);
    } catch (error) {
      throw new CacheError('INVALID_KEY', `keys[${i}]: ${(error as Error).message}`);
    }
  }
  return keys as string[];
}
