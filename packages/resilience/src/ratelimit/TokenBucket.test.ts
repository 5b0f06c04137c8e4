import diagnostics from 'node:diagnostics_channel';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/ManualClock.js';
import { InvalidOptionError } from '../errors/InvalidOptionError.js';
import { channels } from '../observability/channels.js';
import type { RejectionEvent } from '../observability/RejectionEvent.js';
import { allowedDecision } from './allowedDecision.js';
import type { LimiterDecisionEvent } from './LimiterDecisionEvent.js';
import { TokenBucket } from './TokenBucket.js';

function admittedNow(bucket: TokenBucket, max = 1_000_000): number {
  let n = 0;
  while (n < max && bucket.tryAcquire()) n++;
  return n;
}

describe('TokenBucket', () => {
  it('behaves as the ManualClock example says', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 1, clock });
    expect(bucket.tryAcquire()).toBe(true);
    expect(bucket.tryAcquire()).toBe(false);
    clock.advance(100);
    expect(bucket.tryAcquire()).toBe(true);
  });

  it('starts full, admits the burst at once, then refuses with the time to the next token', () => {
    const clock = new ManualClock(5_000);
    const bucket = new TokenBucket({ ratePerSecond: 4, burst: 3, clock });
    expect(admittedNow(bucket)).toBe(3);
    expect(bucket.acquire()).toEqual({ allowed: false, retryAfterMs: 250 });
    expect(bucket.retryAfterMs(2)).toBe(500);
    clock.advance(249);
    expect(bucket.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(bucket.tryAcquire()).toBe(true);
  });

  it('refills lazily at the rate and never beyond the burst', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 5, clock });
    admittedNow(bucket);
    clock.advance(300);
    expect(admittedNow(bucket)).toBe(3);
    clock.advance(60_000);
    expect(bucket.stats().available).toBe(5);
    expect(admittedNow(bucket)).toBe(5);
  });

  it('admits exactly burst + rate × elapsed under saturation, even with an inexact interval', () => {
    const clock = new ManualClock(123.456);
    const bucket = new TokenBucket({ ratePerSecond: 3, burst: 2, clock });
    let admitted = 0;
    for (let ms = 0; ms < 10_000; ms++) {
      if (bucket.tryAcquire()) admitted++;
      clock.advance(1);
    }
    // Tokens at t = 0 (2) plus one every 333.3 ms during the 9999 ms observed.
    expect(admitted).toBe(2 + Math.floor(9_999 / (1000 / 3)));
  });

  it('supports fractional rates and multi-permit requests', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSecond: 0.5, burst: 4, clock });
    expect(bucket.tryAcquire(3)).toBe(true);
    expect(bucket.acquire(2)).toEqual({ allowed: false, retryAfterMs: 2_000 });
    expect(bucket.retryAfterMs(1)).toBe(0);
    clock.advance(2_000);
    expect(bucket.tryAcquire(2)).toBe(true);
  });

  it('answers admissions with the one frozen decision object and refusals with their own', () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1, clock: new ManualClock() });
    const admitted = bucket.acquire();
    expect(admitted).toBe(allowedDecision);
    expect(Object.isFrozen(admitted)).toBe(true);
    const refused = bucket.acquire();
    expect(refused.allowed).toBe(false);
    expect(allowedDecision).toEqual({ allowed: true, retryAfterMs: 0 });
  });

  it('throws a RangeError for permits it could never grant', () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 2 });
    expect(() => bucket.tryAcquire(3)).toThrow(RangeError);
    expect(() => bucket.acquire(0)).toThrow(/permits must be > 0 and <= 2/);
    expect(() => bucket.retryAfterMs(Number.NaN)).toThrow(RangeError);
  });

  it('counts decisions and emits rejected and limiter.decision, on the instance and the channels', () => {
    const bucket = new TokenBucket({ name: 'search', ratePerSecond: 1, burst: 1 });
    const rejected: RejectionEvent[] = [];
    const decisions: LimiterDecisionEvent[] = [];
    bucket.events.on('rejected', (e) => rejected.push(e));
    bucket.events.on('limiter.decision', (e) => decisions.push(e));
    const onChannel: unknown[] = [];
    const listener = (message: unknown) => onChannel.push(message);
    diagnostics.subscribe(channels.rejected, listener);
    try {
      bucket.tryAcquire();
      bucket.tryAcquire();
    } finally {
      diagnostics.unsubscribe(channels.rejected, listener);
    }
    expect(rejected).toEqual([{ source: 'limiter', name: 'search', code: 'RATE_LIMITED' }]);
    expect(onChannel).toEqual(rejected);
    expect(decisions.map((d) => d.allowed)).toEqual([true, false]);
    expect(decisions[1]).toMatchObject({ name: 'search', permits: 1, fallback: false });
    expect(decisions[1]?.retryAfterMs).toBeGreaterThan(0);
    expect(bucket.stats()).toMatchObject({
      name: 'search',
      allowed: 1,
      refused: 1,
      ratePerSecond: 1,
      burst: 1,
    });
  });

  it('defaults the burst to one second of rate', () => {
    expect(new TokenBucket({ ratePerSecond: 7.5 }).stats().burst).toBe(8);
    expect(new TokenBucket({ ratePerSecond: 0.1 }).stats().burst).toBe(1);
  });

  it.each([
    [{ ratePerSecond: 0 }, 'tokenBucket.ratePerSecond'],
    [{ ratePerSecond: -5 }, 'tokenBucket.ratePerSecond'],
    [{ ratePerSecond: Number.NaN }, 'tokenBucket.ratePerSecond'],
    [{ ratePerSecond: Number.POSITIVE_INFINITY }, 'tokenBucket.ratePerSecond'],
    [{ ratePerSecond: 10, burst: 0 }, 'tokenBucket.burst'],
    [{ ratePerSecond: 10, burst: 2.5 }, 'tokenBucket.burst'],
    [{ ratePerSecond: 10, burst: Number.NaN }, 'tokenBucket.burst'],
  ])('rejects %o with an InvalidOptionError naming %s', (options, option) => {
    const build = () => new TokenBucket(options);
    expect(build).toThrow(InvalidOptionError);
    expect(build).toThrow(`option "${option}"`);
  });

  it('reports every wait as a whole number of ms, rounded up', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSecond: 3, burst: 1, clock }); // a token every 333.3 ms
    const decisions: LimiterDecisionEvent[] = [];
    bucket.events.on('limiter.decision', (e) => decisions.push(e));
    bucket.acquire();
    expect(bucket.acquire()).toEqual({ allowed: false, retryAfterMs: 334 });
    expect(decisions[1]?.retryAfterMs).toBe(334);
    clock.advance(100.25);
    expect(bucket.retryAfterMs()).toBe(234);
    clock.advance(233);
    expect(bucket.retryAfterMs()).toBe(1); // 0.08 ms left: never too early
    clock.advance(0.1);
    expect(bucket.retryAfterMs()).toBe(0);
  });
});
