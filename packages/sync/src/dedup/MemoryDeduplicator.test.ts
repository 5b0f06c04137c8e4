import { describe, expect, it } from 'vitest';
import { MemoryDeduplicator } from './MemoryDeduplicator.js';

describe('MemoryDeduplicator', () => {
  it('remembers marks for ttlMs', async () => {
    let now = 1000;
    const dedup = new MemoryDeduplicator({ ttlMs: 100, now: () => now });
    expect(await dedup.isProcessed('a')).toBe(false);
    expect(await dedup.markProcessed('a')).toBe(true);
    expect(await dedup.markProcessed('a')).toBe(false);
    expect(await dedup.isProcessed('a')).toBe(true);
    now += 100;
    expect(await dedup.isProcessed('a')).toBe(false);
    expect(await dedup.markProcessed('a')).toBe(true);
  });

  it('forgets the oldest beyond maxEntries', async () => {
    const dedup = new MemoryDeduplicator({ maxEntries: 2 });
    for (const id of ['a', 'b', 'c']) await dedup.markProcessed(id);
    expect(await dedup.isProcessed('a')).toBe(false);
    expect(await dedup.isProcessed('b')).toBe(true);
    expect(await dedup.isProcessed('c')).toBe(true);
  });

  it('refuses a non-positive ttl', () => {
    expect(() => new MemoryDeduplicator({ ttlMs: 0 })).toThrow(/ttlMs/);
  });
});
