import { describe, expect, it } from 'vitest';
import { retryDelay } from './retryDelay.js';

describe('retryDelay', () => {
  it('doubles per delivery up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((d) => retryDelay(d, 100, 500))).toEqual([100, 200, 400, 500, 500]);
  });

  it('survives absurd delivery counts', () => {
    expect(retryDelay(10_000, 100, 30_000)).toBe(30_000);
    expect(retryDelay(0, 100, 30_000)).toBe(100);
  });
});
