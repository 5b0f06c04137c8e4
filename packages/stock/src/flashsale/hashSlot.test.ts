import { describe, expect, it } from 'vitest';
import { hashSlot } from './hashSlot.js';

describe('hashSlot', () => {
  it('is CRC16 (XMODEM) modulo 16384, as CLUSTER KEYSLOT answers', () => {
    expect(hashSlot('123456789')).toBe(0x31c3);
    expect(hashSlot('foo')).toBe(12182);
    expect(hashSlot('bar')).toBe(5061);
  });

  it('hashes the hash tag only, when there is a non-empty one', () => {
    expect(hashSlot('{user1000}.following')).toBe(hashSlot('user1000'));
    expect(hashSlot('{mallkit:flash:A-1}:stock')).toBe(hashSlot('{mallkit:flash:A-1}:o:SO-1'));
    expect(hashSlot('foo{}{bar}')).not.toBe(hashSlot('bar'));
    expect(hashSlot('foo{{bar}}zap')).toBe(hashSlot('{bar'));
  });
});
