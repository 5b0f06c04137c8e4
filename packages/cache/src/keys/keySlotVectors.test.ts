import { describe, expect, it } from 'vitest';
import { keySlot } from './keySlot.js';

// Expected slots were taken from `CLUSTER KEYSLOT` of redis-server 7.0.
const known: Array<[string, number]> = [
  ['123456789', 12739],
  ['foo', 12182],
  ['somekey', 11058],
  ['{user1000}.following', 3443],
  ['foo{}{bar}', 8363],
  ['foo{{bar}}zap', 4015],
  ['foo{bar}{zap}', 5061],
  ['bar', 5061],
  ['{bar', 4015],
  ['héllo', 11061],
  ['商品:42', 1221],
  ['a{}', 6082],
  ['}{x}', 16287],
  ['emoji😀', 3827],
];

describe('keySlot', () => {
  it.each(known)('slot of %j is %i, as Redis computes it', (key, slot) => {
    expect(keySlot(key)).toBe(slot);
  });

  it('hashes only the hash tag when there is one', () => {
    expect(keySlot('{user1000}.following')).toBe(keySlot('{user1000}.followers'));
    expect(keySlot('{user1000}.following')).toBe(keySlot('user1000'));
  });

  it('stays within 0..16383', () => {
    for (let i = 0; i < 5000; i++) {
      const slot = keySlot(`key:${i}:${'é'.repeat(i % 3)}`);
      expect(slot).toBeGreaterThanOrEqual(0);
      expect(slot).toBeLessThan(16384);
    }
  });
});
