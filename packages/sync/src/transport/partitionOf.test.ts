import { describe, expect, it } from 'vitest';
import { partitionOf } from './partitionOf.js';

describe('partitionOf', () => {
  it('is FNV-1a of the UTF-8 bytes', () => {
    // Reference values of FNV-1a 32: '' = 0x811c9dc5, 'a' = 0xe40c292c, 'foobar' = 0xbf9cf968.
    expect(partitionOf('', 2 ** 32)).toBe(0x811c9dc5);
    expect(partitionOf('a', 2 ** 32)).toBe(0xe40c292c);
    expect(partitionOf('foobar', 2 ** 32)).toBe(0xbf9cf968);
  });

  it('stays within range and spreads keys', () => {
    const counts = new Array(8).fill(0);
    for (let i = 0; i < 8000; i++) {
      const p = partitionOf(`sku-${i}`, 8);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(8);
      counts[p] += 1;
    }
    for (const n of counts) expect(n).toBeGreaterThan(800);
  });

  it('hashes non-ASCII keys by their bytes', () => {
    expect(partitionOf('商品-1', 16)).toBe(partitionOf('商品-1', 16));
    expect(partitionOf('é', 2 ** 32)).not.toBe(partitionOf('e', 2 ** 32));
  });
});
