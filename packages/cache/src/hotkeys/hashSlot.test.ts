import { describe, expect, it } from 'vitest';
import { hashSlot, hashTagRange } from './hashSlot.js';

/** The slot from the UTF-8 bytes as Node encodes them, bit by bit: a reference. */
function referenceSlot(key: string): number {
  let crc = 0;
  for (const byte of Buffer.from(key, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

describe('hashSlot', () => {
  it('matches the CRC16 check value and the slots Redis documents', () => {
    expect(hashSlot('123456789')).toBe(0x31c3 % 16384);
    expect(hashSlot('foo')).toBe(12182);
    expect(hashSlot('bar')).toBe(5061);
    expect(hashSlot('')).toBe(0);
  });

  it('hashes only the hash tag when there is a non-empty one', () => {
    expect(hashSlot('{user1000}.following')).toBe(hashSlot('user1000'));
    expect(hashSlot('{user1000}.followers')).toBe(hashSlot('user1000'));
    expect(hashSlot('foo{{bar}}zap')).toBe(hashSlot('{bar'));
    expect(hashSlot('foo{}{bar}')).toBe(referenceSlot('foo{}{bar}'));
    expect(hashSlot('foo{bar')).toBe(referenceSlot('foo{bar'));
    expect(hashTagRange('a{b}c')).toEqual([2, 3]);
    expect(hashTagRange('a{}c')).toBeUndefined();
  });

  it('hashes the UTF-8 bytes of any text, lone surrogates as U+FFFD', () => {
    for (const key of [
      'produit:été',
      '商品:手机',
      'emoji:😀:x',
      'lone:\ud800:x',
      'lone-end:\udc00',
      'z\u07ff\u0800',
    ]) {
      expect(hashSlot(key), key).toBe(referenceSlot(key));
    }
  });
});
