import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/ManualClock.js';
import { InvalidOptionError } from '../errors/InvalidOptionError.js';
import type { RejectionEvent } from '../observability/RejectionEvent.js';
import { allowedDecision } from './allowedDecision.js';
import { KeyedLimiter } from './KeyedLimiter.js';
import type { KeyedLimiterOptions } from './KeyedLimiterOptions.js';

describe('KeyedLimiter', () => {
  it('limits each key on its own', () => {
    const clock = new ManualClock();
    const limiter = new KeyedLimiter({ limit: { ratePerSecond: 1, burst: 2 }, clock });
    expect(limiter.acquire(1, 'alice')).toBe(allowedDecision);
    expect(limiter.tryAcquire('alice')).toBe(true);
    expect(limiter.acquire(1, 'alice')).toEqual({ allowed: false, retryAfterMs: 1_000 });
    expect(limiter.tryAcquire('bob', 2)).toBe(true);
    expect(limiter.retryAfterMs('carol', 2)).toBe(0);
    clock.advance(1_000);
    expect(limiter.tryAcquire('alice')).toBe(true);
    expect(limiter.stats()).toMatchObject({ allowed: 4, refused: 1, keys: 2 });
  });

  it('gives overridden keys their own limit, of either algorithm', () => {
    const clock = new ManualClock();
    const limiter = new KeyedLimiter({
      limit: { ratePerSecond: 1, burst: 1 },
      overrides: {
        'sku-hot': { ratePerSecond: 100, burst: 50 },
        'sku-window': { algorithm: 'slidingWindow', limit: 3, windowMs: 1_000 },
      },
      clock,
    });
    let hot = 0;
    while (limiter.tryAcquire('sku-hot')) hot++;
    expect(hot).toBe(50);
    expect(limiter.tryAcquire('sku-window', 3)).toBe(true);
    expect(limiter.tryAcquire('sku-window')).toBe(false);
    expect(limiter.tryAcquire('sku-cold')).toBe(true);
    expect(limiter.tryAcquire('sku-cold')).toBe(false);
    expect(() => limiter.acquire(2, 'sku-cold')).toThrow(RangeError);
  });

  it('keeps at most maxKeys keys, forgetting the least recently used', () => {
    const clock = new ManualClock();
    const limiter = new KeyedLimiter({ limit: { ratePerSecond: 1, burst: 1 }, maxKeys: 3, clock });
    for (const key of ['a', 'b', 'c']) expect(limiter.tryAcquire(key)).toBe(true);
    expect(limiter.tryAcquire('a')).toBe(false); // a is now the most recently used
    expect(limiter.tryAcquire('d')).toBe(true); // evicts b
    expect(limiter.tryAcquire('e')).toBe(true); // evicts c
    expect(limiter.stats()).toMatchObject({ keys: 3, maxKeys: 3, evictions: 2 });
    expect(limiter.tryAcquire('a')).toBe(false); // still tracked, still empty
    expect(limiter.tryAcquire('b')).toBe(true); // forgotten: a fresh bucket
  });

  it('stays bounded under a flood of distinct keys', () => {
    const limiter = new KeyedLimiter({ limit: { ratePerSecond: 5 }, maxKeys: 1_000 });
    for (let i = 0; i < 50_000; i++) limiter.acquire(1, `user-${i}`);
    expect(limiter.stats()).toMatchObject({ keys: 1_000, evictions: 49_000, allowed: 50_000 });
  });

  it('emits rejected with the key', () => {
    const limiter = new KeyedLimiter({ name: 'per-user', limit: { ratePerSecond: 1, burst: 1 } });
    const rejected: RejectionEvent[] = [];
    limiter.events.on('rejected', (e) => rejected.push(e));
    limiter.acquire(1, 'u1');
    limiter.acquire(1, 'u1');
    expect(rejected).toEqual([
      { source: 'limiter', name: 'per-user', code: 'RATE_LIMITED', key: 'u1' },
    ]);
  });

  it('throws a TypeError without a key', () => {
    const limiter = new KeyedLimiter({ limit: { ratePerSecond: 1 } });
    expect(() => limiter.acquire()).toThrow(TypeError);
  });

  it.each<[Partial<KeyedLimiterOptions>, string]>([
    [{ limit: { ratePerSecond: 0 } }, 'keyedLimiter.limit.ratePerSecond'],
    [{ limit: { ratePerSecond: 1, burst: -1 } }, 'keyedLimiter.limit.burst'],
    [{ limit: { algorithm: 'slidingWindow', limit: 0, windowMs: 10 } }, 'keyedLimiter.limit.limit'],
    [
      { limit: { algorithm: 'slidingWindow', limit: 5, windowMs: 0 } },
      'keyedLimiter.limit.windowMs',
    ],
    [
      { limit: { ratePerSecond: 1 }, overrides: { 'sku-1': { ratePerSecond: Number.NaN } } },
      'keyedLimiter.overrides["sku-1"].ratePerSecond',
    ],
    [{ limit: { ratePerSecond: 1 }, maxKeys: 0 }, 'keyedLimiter.maxKeys'],
    [{ limit: { ratePerSecond: 1 }, maxKeys: 1.5 }, 'keyedLimiter.maxKeys'],
    [{}, 'keyedLimiter.limit'],
  ])('rejects %o with an InvalidOptionError naming %s', (options, option) => {
    const build = () => new KeyedLimiter(options as KeyedLimiterOptions);
    expect(build).toThrow(InvalidOptionError);
    expect(build).toThrow(`option "${option}"`);
  });

  it('rejects an unknown algorithm', () => {
    const limit = { algorithm: 'leaky', ratePerSecond: 1 } as unknown as { ratePerSecond: number };
    expect(() => new KeyedLimiter({ limit })).toThrow('option "keyedLimiter.limit.algorithm"');
  });

  it('reports every wait as a whole number of ms, rounded up', () => {
    const clock = new ManualClock();
    const limiter = new KeyedLimiter({ limit: { ratePerSecond: 3, burst: 1 }, clock });
    limiter.acquire(1, 'u1');
    expect(limiter.acquire(1, 'u1')).toEqual({ allowed: false, retryAfterMs: 334 });
    clock.advance(0.5);
    expect(limiter.retryAfterMs('u1')).toBe(333);
  });
});
