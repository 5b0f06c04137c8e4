import { describe, expect, it } from 'vitest';
import { jitteredBackoff } from './jitteredBackoff.js';

describe('jitteredBackoff', () => {
  it('doubles per failure up to the cap, within the upper half of each step', () => {
    const low = [1, 2, 3, 4, 5].map((n) => jitteredBackoff(n, 100, 500, () => 0));
    const high = [1, 2, 3, 4, 5].map((n) => jitteredBackoff(n, 100, 500, () => 1));
    expect(low).toEqual([50, 100, 200, 250, 250]);
    expect(high).toEqual([100, 200, 400, 500, 500]);
  });

  it('survives absurd failure counts and a zero base', () => {
    expect(jitteredBackoff(10_000, 100, 30_000, () => 1)).toBe(30_000);
    expect(jitteredBackoff(0, 100, 30_000, () => 1)).toBe(100);
    expect(jitteredBackoff(7, 0, 30_000)).toBe(0);
  });
});
