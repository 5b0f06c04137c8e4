import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/ManualClock.js';
import { InvalidOptionError } from '../errors/InvalidOptionError.js';
import { SlidingWindow } from './SlidingWindow.js';

describe('SlidingWindow', () => {
  it('behaves as its example says', () => {
    const clock = new ManualClock();
    const logins = new SlidingWindow({ name: 'login', limit: 5, windowMs: 60_000, clock });
    for (let i = 0; i < 5; i++) expect(logins.tryAcquire()).toBe(true);
    expect(logins.acquire()).toEqual({ allowed: false, retryAfterMs: 72_000 });
    clock.advance(90_000);
    expect(logins.stats().available).toBeCloseTo(2.5, 9);
    expect(logins.tryAcquire(2)).toBe(true);
    expect(logins.tryAcquire()).toBe(false);
  });

  it('admits up to the limit within a window and refuses the rest', () => {
    const clock = new ManualClock();
    const window = new SlidingWindow({ limit: 3, windowMs: 1_000, clock });
    expect([1, 2, 3, 4].map(() => window.tryAcquire())).toEqual([true, true, true, false]);
    clock.advance(999);
    expect(window.tryAcquire()).toBe(false);
    expect(window.stats()).toMatchObject({ allowed: 3, refused: 2, limit: 3, windowMs: 1_000 });
  });

  it('weights the previous window by the part the sliding window still covers', () => {
    const clock = new ManualClock();
    const window = new SlidingWindow({ limit: 10, windowMs: 1_000, clock });
    for (let i = 0; i < 10; i++) window.tryAcquire();
    clock.advance(1_250); // previous window: 10 × 0.75 = 7.5 still counted
    expect(window.retryAfterMs(3)).toBeCloseTo(50, 6);
    expect(window.retryAfterMs(2)).toBe(0);
    expect(window.tryAcquire(2)).toBe(true);
    // 7.5 + 2 = 9.5: one more permit fits once the weight has dropped to 7
    expect(window.retryAfterMs(1)).toBeCloseTo(50, 6);
    clock.advance(49);
    expect(window.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(window.tryAcquire()).toBe(true);
  });

  it('forgets everything after two idle windows', () => {
    const clock = new ManualClock();
    const window = new SlidingWindow({ limit: 4, windowMs: 100, clock });
    for (let i = 0; i < 4; i++) window.tryAcquire();
    clock.advance(200);
    expect(window.stats().available).toBe(4);
    expect(window.tryAcquire(4)).toBe(true);
  });

  it('holds a steady saturating load to the limit per window', () => {
    const clock = new ManualClock();
    const window = new SlidingWindow({ limit: 50, windowMs: 1_000, clock });
    let admitted = 0;
    for (let ms = 0; ms < 20_000; ms++) {
      if (window.tryAcquire()) admitted++;
      clock.advance(1);
    }
    expect(Math.abs(admitted - 50 * 20)).toBeLessThanOrEqual(50);
  });

  it('says when a refused request fits, in whole ms (never too early, never a ms late)', () => {
    const clock = new ManualClock();
    const window = new SlidingWindow({ limit: 7, windowMs: 300, clock });
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let checked = 0;
    for (let i = 0; i < 2_000; i++) {
      clock.advance(Math.floor(random() * 40));
      const permits = 1 + Math.floor(random() * 3);
      const decision = window.acquire(permits);
      if (decision.allowed) continue;
      const wait = decision.retryAfterMs;
      expect(Number.isInteger(wait)).toBe(true); // whole ms, rounded up
      expect(wait).toBeGreaterThan(0);
      clock.advance(wait - 1);
      expect(window.retryAfterMs(permits)).toBeGreaterThan(0);
      clock.advance(1);
      expect(window.retryAfterMs(permits)).toBe(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('throws a RangeError for more permits than the limit', () => {
    expect(() => new SlidingWindow({ limit: 2, windowMs: 10 }).tryAcquire(3)).toThrow(RangeError);
  });

  it.each([
    [{ limit: 0, windowMs: 1_000 }, 'slidingWindow.limit'],
    [{ limit: 2.5, windowMs: 1_000 }, 'slidingWindow.limit'],
    [{ limit: Number.NaN, windowMs: 1_000 }, 'slidingWindow.limit'],
    [{ limit: 10, windowMs: 0.5 }, 'slidingWindow.windowMs'],
    [{ limit: 10, windowMs: -1 }, 'slidingWindow.windowMs'],
    [{ limit: 10, windowMs: Number.NaN }, 'slidingWindow.windowMs'],
  ])('rejects %o with an InvalidOptionError naming %s', (options, option) => {
    const build = () => new SlidingWindow(options);
    expect(build).toThrow(InvalidOptionError);
    expect(build).toThrow(`option "${option}"`);
  });

  it('reports every wait as a whole number of ms, rounded up', () => {
    const clock = new ManualClock();
    const window = new SlidingWindow({ limit: 3, windowMs: 1000, clock });
    expect(window.tryAcquire(3)).toBe(true);
    clock.advance(1000); // the previous window's 3 still weigh 3 × (1 - t / 1000)
    expect(window.acquire()).toEqual({ allowed: false, retryAfterMs: 334 }); // 333.3 ms
    clock.advance(0.5);
    expect(window.retryAfterMs()).toBe(333);
  });
});
