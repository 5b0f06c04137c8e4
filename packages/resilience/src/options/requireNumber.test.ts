import { describe, expect, it } from 'vitest';
import { isResilienceError } from '../errors/ResilienceError.js';
import { requireNumber } from './requireNumber.js';

describe('requireNumber', () => {
  it('returns a valid value', () => {
    expect(requireNumber('a.b', 5, { above: 0, integer: true })).toBe(5);
  });

  it.each([
    [0, { above: 0 }, /option "x.rate" must be a finite number > 0; got 0/],
    [Number.NaN, {}, /got NaN/],
    [Number.POSITIVE_INFINITY, {}, /got Infinity/],
    [1.5, { integer: true }, /must be an integer/],
    ['3', {}, /got "3"/],
    [11, { max: 10 }, /<= 10/],
  ])('rejects %s with %o naming the option', (value, rule, message) => {
    let caught: unknown;
    try {
      requireNumber('x.rate', value, rule);
    } catch (error) {
      caught = error;
    }
    expect(isResilienceError(caught) && caught.code).toBe('INVALID_OPTION');
    expect(String(caught)).toMatch(message);
  });
});
