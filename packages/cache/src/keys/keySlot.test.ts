import { describe, expect, it } from 'vitest';
import { hashTagRange, keySlot } from './keySlot.js';

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

describe('keySlot', () => {
  it('matches the CRC16 check value and the slots Redis documents', () => {
    expect(keySlot('123456789')).toBe(0x31c3 % 16384);
    expect(keySlot('foo')).toBe(12182);
    expect(keySlot('bar')).toBe(5061);
    expect(keySlot('')).toBe(0);
  });

  it('hashes only the hash tag when there is a non-empty one', () => {
    expect(keySlot('{user1000}.following')).toBe(keySlot('user1000'));
    expect(keySlot('{user1000}.followers')).toBe(keySlot('user1000'));
    expect(keySlot('foo{{bar}}zap')).toBe(keySlot('{bar'));
    expect(keySlot('foo{}{bar}')).toBe(referenceSlot('foo{}{bar}'));
    expect(keySlot('foo{bar')).toBe(referenceSlot('foo{bar'));
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
      expect(keySlot(key), key).toBe(referenceSlot(key));
    }
  });
});
