import { describe, expect, it } from 'vitest';
import { FrequencySketch } from './FrequencySketch.js';
import { hashKey } from './hashKey.js';

describe('FrequencySketch', () => {
  it('rounds its width up to a power of two and keeps a fixed size', () => {
    const sketch = new FrequencySketch(1000);
    expect(sketch.width).toBe(1024);
    expect(sketch.byteLength).toBe(4 * 1024 * 4);
    for (let i = 0; i < 50_000; i++) sketch.increment(hashKey(`key:${i}`));
    expect(sketch.byteLength).toBe(4 * 1024 * 4);
  });

  it('never undercounts, and overcounts little with conservative update', () => {
    const sketch = new FrequencySketch(1024);
    const exact = new Map<string, number>();
    let seed = 1;
    for (let i = 0; i < 40_000; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const key = `k:${(seed >>> 8) % 2000}`;
      exact.set(key, (exact.get(key) ?? 0) + 1);
      sketch.increment(hashKey(key));
    }
    let excess = 0;
    let exactKeys = 0;
    for (const [key, count] of exact) {
      const estimate = sketch.estimate(hashKey(key));
      expect(estimate).toBeGreaterThanOrEqual(count);
      excess += estimate - count;
      if (estimate === count) exactKeys++;
    }
    // 2000 keys on 1024 counters per row: estimates stay within 15% of the 40,000 reads,
    // and most are exact
    expect(excess / 40_000).toBeLessThan(0.15);
    expect(exactKeys / exact.size).toBeGreaterThan(0.5);
  });

  it('returns the new estimate from increment', () => {
    const sketch = new FrequencySketch(64);
    const hash = hashKey('a');
    expect([1, 2, 3].map(() => sketch.increment(hash))).toEqual([1, 2, 3]);
    expect(sketch.estimate(hash)).toBe(3);
  });

  it('ages every counter by a factor, and clears', () => {
    const sketch = new FrequencySketch(64);
    const hash = hashKey('a');
    for (let i = 0; i < 9; i++) sketch.increment(hash);
    sketch.age(0.5);
    expect(sketch.estimate(hash)).toBe(4);
    sketch.age(0.75);
    expect(sketch.estimate(hash)).toBe(3);
    sketch.age(0);
    expect(sketch.estimate(hash)).toBe(0);
    sketch.increment(hash);
    sketch.clear();
    expect(sketch.estimate(hash)).toBe(0);
  });

  it('hashes long keys by their edges, so their cost is bounded', () => {
    const long = `${'a'.repeat(16)}${'x'.repeat(100)}${'b'.repeat(16)}`;
    const sameEdges = `${'a'.repeat(16)}${'y'.repeat(100)}${'b'.repeat(16)}`;
    expect(hashKey(long)).toBe(hashKey(sameEdges));
    expect(hashKey(long)).not.toBe(hashKey(`${long}c`));
    expect(hashKey('sku:1')).not.toBe(hashKey('sku:2'));
  });
});
