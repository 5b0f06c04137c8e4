import { CacheError } from '../errors/CacheError.js';
import { hashTagRange } from '../keys/keySlot.js';

/**
 * Most copies of a dispersed key: one per suffix character `0-9a-z`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, dispersedKeys, MAX_DISPERSED_COPIES, MemoryL2 } from '@mallkit/cache';
 *
 * // As many copies as a key can have, for the hottest flash-sale items:
 * const pages = createCache<string>({
 *   namespace: 'doc:MAX_DISPERSED_COPIES',
 *   l2: new MemoryL2(),
 *   disperse: (key) => (key.startsWith('flash:') ? MAX_DISPERSED_COPIES : 1),
 * });
 * await pages.get('flash:phone-x', async () => '<html>Phone X, -40%</html>');
 *
 * const names = dispersedKeys('doc:MAX_DISPERSED_COPIES:flash:phone-x', MAX_DISPERSED_COPIES);
 * assert.equal(names.length, 36);
 * assert.equal(names.at(-1), 'doc:MAX_DISPERSED_COPIES:flash:phone-x#z');
 * assert.throws(() => dispersedKeys('flash:phone-x', MAX_DISPERSED_COPIES + 1), {
 *   code: 'INVALID_OPTION',
 * });
 * await pages.close();
 * ```
 *
 * @group Hot keys
 */
export const MAX_DISPERSED_COPIES = 36;

/**
 * The name of copy `copy` of `key`: `key#0` … `key#9`, then `key#a` … `key#z`.
 *
 * Copies of a key that is hot but rarely written can be stored N times and read at
 * random ({@link pickCopy}), so that its reads spread over up to N Redis Cluster
 * nodes instead of one. All copies of one key land in distinct hash slots, whatever
 * the key and whatever prefix (such as the cache's namespace) precedes it: they
 * differ only in their last byte, and CRC16 maps no single-byte difference to a
 * multiple of 16384. Nothing may follow the suffix, and the key must have no hash
 * tag (`{…}`: every copy would share the tag's slot). Choose keys that cannot
 * themselves end in `#` and one character.
 *
 * @param key - the key, without hash tag
 * @param copy - an integer from 0 to {@link MAX_DISPERSED_COPIES} − 1
 * @throws CacheError `INVALID_KEY` when `key` has a hash tag, `INVALID_OPTION` when
 *   `copy` is out of range
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { dispersedKey, dispersedKeys, pickCopy } from '@mallkit/cache';
 *
 * const copies = dispersedKeys('sku:phone-x', 4); // ['sku:phone-x#0', … 'sku:phone-x#3']
 * // write every copy when the item changes; read one at random:
 * const readFrom = dispersedKey('sku:phone-x', pickCopy(copies.length));
 * assert.ok(copies.includes(readFrom));
 * assert.equal(dispersedKey('sku:phone-x', 11), 'sku:phone-x#b'); // 0-9, then a-z
 * ```
 *
 * @group Hot keys
 */
export function dispersedKey(key: string, copy: number): string {
  if (!Number.isInteger(copy) || copy < 0 || copy >= MAX_DISPERSED_COPIES) {
    throw new CacheError(
      'INVALID_OPTION',
      `copy must be an integer from 0 to ${MAX_DISPERSED_COPIES - 1}; got ${String(copy)}`,
    );
  }
  requireNoHashTag(key);
  return `${key}#${copy.toString(36)}`;
}

/**
 * All `copies` names of `key` ({@link dispersedKey} 0 to `copies − 1`), each in its
 * own hash slot.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { dispersedKey, dispersedKeys } from '@mallkit/cache';
 *
 * const copies = dispersedKeys('sku:phone-x', 3); // write all of them when the item changes
 * assert.deepEqual(copies, ['sku:phone-x#0', 'sku:phone-x#1', 'sku:phone-x#2']);
 * assert.equal(copies[2], dispersedKey('sku:phone-x', 2));
 * // A hash tag would put every copy in the tag's slot:
 * assert.throws(() => dispersedKeys('{sku}:phone-x', 3), { code: 'INVALID_KEY' });
 * ```
 *
 * @param copies - an integer from 1 to {@link MAX_DISPERSED_COPIES}
 * @throws CacheError `INVALID_KEY` when `key` has a hash tag, `INVALID_OPTION` when
 *   `copies` is out of range
 *
 * @group Hot keys
 */
export function dispersedKeys(key: string, copies: number): string[] {
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_DISPERSED_COPIES) {
    throw new CacheError(
      'INVALID_OPTION',
      `copies must be an integer from 1 to ${MAX_DISPERSED_COPIES}; got ${String(copies)}`,
    );
  }
  requireNoHashTag(key);
  const names = new Array<string>(copies);
  for (let copy = 0; copy < copies; copy++) names[copy] = `${key}#${copy.toString(36)}`;
  return names;
}

function requireNoHashTag(key: string): void {
  if (typeof key !== 'string') {
    throw new CacheError('INVALID_KEY', `key must be a string; got ${typeof key}`);
  }
  const tag = hashTagRange(key);
  if (tag) {
    throw new CacheError(
      'INVALID_KEY',
      `key ${JSON.stringify(key)} has the hash tag {${key.slice(tag[0], tag[1])}}: its copies would share one slot`,
    );
  }
}
