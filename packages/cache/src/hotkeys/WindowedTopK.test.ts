import { describe, expect, it } from 'vitest';
import { WindowedTopK } from './WindowedTopK.js';

function times(topK: WindowedTopK, key: string, n: number): void {
  for (let i = 0; i < n; i++) topK.record(key);
}

describe('WindowedTopK', () => {
  it('admits a key once the sketch has seen it seedCap times, crediting those', () => {
    const topK = new WindowedTopK(4, 2, 5, 1024);
    times(topK, 'a', 4);
    expect(topK.slotOf('a')).toBe(-1);
    topK.record('a');
    const slot = topK.slotOf('a');
    expect(slot).toBeGreaterThanOrEqual(0);
    expect(topK.keyAt(slot)).toBe('a');
    expect(topK.windowCount(slot)).toBe(5);
    times(topK, 'a', 10);
    expect(topK.windowCount(slot)).toBe(15);
    expect(topK.admissions).toBe(1);
  });

  it('slides the window: a sub-window drops out after subWindows rotations', () => {
    const topK = new WindowedTopK(4, 3, 1, 1024);
    times(topK, 'a', 10);
    const slot = topK.slotOf('a');
    topK.rotate();
    times(topK, 'a', 5);
    topK.rotate();
    expect(topK.windowCount(slot)).toBe(15);
    topK.rotate(); // the first sub-window (10) is dropped
    expect(topK.windowCount(slot)).toBe(5);
    topK.rotate();
    expect(topK.windowCount(slot)).toBe(0);
  });

  it('replaces the least frequent candidate with a more frequent newcomer', () => {
    const topK = new WindowedTopK(2, 4, 2, 1024);
    times(topK, 'a', 50);
    times(topK, 'b', 3);
    topK.rotate();
    times(topK, 'c', 2); // not more frequent than b: stays out
    expect(topK.slotOf('c')).toBe(-1);
    times(topK, 'c', 10); // now it is
    expect(topK.slotOf('c')).toBeGreaterThanOrEqual(0);
    expect(topK.slotOf('b')).toBe(-1);
    expect(topK.slotOf('a')).toBeGreaterThanOrEqual(0);
    expect(topK.evictions).toBe(1);
  });

  it('never replaces a pinned key', () => {
    const topK = new WindowedTopK(1, 4, 1, 1024);
    topK.record('a');
    topK.pin(topK.slotOf('a'), true);
    topK.rotate();
    times(topK, 'b', 1000);
    expect(topK.slotOf('b')).toBe(-1);
    expect(topK.slotOf('a')).toBe(0);
    topK.pin(0, false);
    topK.rotate();
    times(topK, 'b', 10);
    expect(topK.slotOf('b')).toBe(0);
  });

  it('tracks at most capacity keys and keeps its tables fixed, however many keys pass', () => {
    const topK = new WindowedTopK(32, 4, 2, 1024);
    const bytes = topK.byteLength;
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 100_000; i++) topK.record(`sku:${(i * 7919 + round) % 100_000}`);
      topK.rotate();
      expect(topK.size).toBeLessThanOrEqual(32);
    }
    expect(topK.byteLength).toBe(bytes);
    // replacements are bounded by the capacity per sub-window
    expect(topK.evictions).toBeLessThanOrEqual(32 * 5);
  });

  it('counts one key in two scopes as two candidates, and frees a scope it no longer tracks', () => {
    const topK = new WindowedTopK(2, 2, 1, 1024);
    for (let i = 0; i < 10; i++) topK.record('sku-1', 'product');
    for (let i = 0; i < 3; i++) topK.record('sku-1', 'stock');
    const product = topK.slotOf('sku-1', 'product');
    const stock = topK.slotOf('sku-1', 'stock');
    expect(product).toBeGreaterThanOrEqual(0);
    expect(stock).toBeGreaterThanOrEqual(0);
    expect(stock).not.toBe(product);
    expect([topK.windowCount(product), topK.windowCount(stock)]).toEqual([10, 3]);
    expect([topK.scopeAt(product), topK.scopeAt(stock), topK.keyAt(stock)]).toEqual([
      'product',
      'stock',
      'sku-1',
    ]);
    expect(topK.slotOf('sku-1')).toBe(-1); // no scope: yet another key
    expect(topK.size).toBe(2);

    topK.rotate();
    for (let i = 0; i < 50; i++) topK.record('sku-2'); // replaces the least frequent: stock's
    expect(topK.slotOf('sku-1', 'stock')).toBe(-1);
    expect(topK.slotOf('sku-2')).toBe(stock);
    expect(topK.scopeAt(stock)).toBe('');
    expect(topK.size).toBe(2);
  });

  it('forgets everything on clear', () => {
    const topK = new WindowedTopK(2, 2, 1, 64);
    times(topK, 'a', 3);
    topK.clear();
    expect(topK.size).toBe(0);
    expect(topK.slotOf('a')).toBe(-1);
    topK.record('a');
    expect(topK.windowCount(topK.slotOf('a'))).toBe(1);
  });
});
