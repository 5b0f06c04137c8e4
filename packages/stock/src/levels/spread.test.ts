import { describe, expect, it } from 'vitest';
import { spread } from './spread.js';

describe('spread', () => {
  it('covers needs first, then spreads the rest evenly with the remainder up front', () => {
    expect(spread(10, [3, 0, 1])).toEqual([5, 2, 3]);
  });

  it('fills needs in order when the total is short', () => {
    expect(spread(4, [3, 2, 2])).toEqual([3, 1, 0]);
  });

  it('always sums to the total', () => {
    for (let total = 0; total < 40; total++) {
      expect(spread(total, [5, 1, 0, 7]).reduce((a, b) => a + b, 0)).toBe(total);
    }
  });
});
