import { describe, expect, it } from 'vitest';
import { isCacheError } from '../errors/CacheError.js';
import { keySlot } from '../keys/keySlot.js';
import { dispersedKey, dispersedKeys, MAX_DISPERSED_COPIES } from './dispersedKey.js';
import { pickCopy } from './pickCopy.js';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return isCacheError(error) ? error.code : 'not a CacheError';
  }
  return undefined;
}

/** A small seeded PRNG (xorshift32) scaled to [0, 1). */
function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

describe('dispersedKey', () => {
  it('names the copies key#0 … key#9, key#a … key#z', () => {
    expect(dispersedKeys('sku:1', 3)).toEqual(['sku:1#0', 'sku:1#1', 'sku:1#2']);
    const all = dispersedKeys('sku:1', MAX_DISPERSED_COPIES);
    expect(all).toHaveLength(36);
    expect(all[10]).toBe('sku:1#a');
    expect(all[35]).toBe('sku:1#z');
    for (const [copy, name] of all.entries()) expect(dispersedKey('sku:1', copy)).toBe(name);
  });

  it('puts every copy of any key in its own slot, whatever prefix precedes it', () => {
    const random = prng(11);
    const keys = [
      '',
      'sku:1',
      'p',
      '商品:手机',
      'emoji:😀',
      'x'.repeat(300),
      '{unbalanced',
      'a}b{',
    ];
    for (let i = 0; i < 2000; i++) keys.push(`product:${Math.floor(random() * 1e9)}`);
    for (const key of keys) {
      for (const prefix of ['', 'catalog:', 'ns.v2:']) {
        const slots = dispersedKeys(key, MAX_DISPERSED_COPIES).map((name) =>
          keySlot(prefix + name),
        );
        expect(new Set(slots).size, prefix + key).toBe(MAX_DISPERSED_COPIES);
      }
    }
  });

  it('refuses a key with a hash tag, whose copies would share one slot', () => {
    expect(codeOf(() => dispersedKeys('{user:1}:cart', 4))).toBe('INVALID_KEY');
    expect(codeOf(() => dispersedKey('{user:1}:cart', 0))).toBe('INVALID_KEY');
    expect(codeOf(() => dispersedKey(42 as never, 0))).toBe('INVALID_KEY');
    expect(codeOf(() => dispersedKeys('a{}b', 2))).toBeUndefined(); // an empty tag is no tag
  });

  it('refuses copy counts and indexes out of range', () => {
    for (const copies of [0, -1, 1.5, Number.NaN, MAX_DISPERSED_COPIES + 1]) {
      expect(
        codeOf(() => dispersedKeys('k', copies)),
        String(copies),
      ).toBe('INVALID_OPTION');
      expect(
        codeOf(() => pickCopy(copies)),
        String(copies),
      ).toBe('INVALID_OPTION');
    }
    for (const copy of [-1, 0.5, Number.NaN, MAX_DISPERSED_COPIES]) {
      expect(
        codeOf(() => dispersedKey('k', copy)),
        String(copy),
      ).toBe('INVALID_OPTION');
    }
  });
});

describe('pickCopy', () => {
  it('maps the whole range of the random source onto the copies', () => {
    expect(pickCopy(4, () => 0)).toBe(0);
    expect(pickCopy(4, () => 0.999_999)).toBe(3);
    expect(pickCopy(1)).toBe(0);
  });

  it('spreads reads evenly over the copies', () => {
    const random = prng(5);
    const hits = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) {
      const copy = pickCopy(6, random);
      hits[copy] = (hits[copy] as number) + 1;
    }
    for (const n of hits) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });
});
