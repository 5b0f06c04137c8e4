import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/ManualClock.js';
import { isResilienceError } from '../errors/ResilienceError.js';
import { GradientLimit } from './GradientLimit.js';
import type { GradientLimitOptions } from './GradientLimitOptions.js';
import type { LimitChangedEvent } from './LimitChangedEvent.js';

/** Feeds one window of `count` samples of `rttMs`, `inflight` each, over `windowMs`. */
function window(
  limit: GradientLimit,
  clock: ManualClock,
  rttMs: number,
  inflight: number,
  { count = 10, windowMs = 1000, dropped = false } = {},
): void {
  for (let i = 0; i < count; i++) {
    clock.advance(windowMs / count);
    limit.onSample(rttMs, inflight, dropped && i === 0);
  }
}

describe('GradientLimit', () => {
  it('grows by queueSize × smoothing per window while latency holds', () => {
    const clock = new ManualClock();
    const limit = new GradientLimit({ initialLimit: 50, clock });
    for (let i = 0; i < 10; i++) window(limit, clock, 20, 50);
    expect(limit.limit).toBe(58); // 50 + 10 × 0.8
    expect(limit.longTermRttMs).toBe(20);
  });

  it('waits for a full window: enough time and enough samples', () => {
    const clock = new ManualClock();
    const limit = new GradientLimit({ initialLimit: 50, minWindowSamples: 5, clock });
    window(limit, clock, 20, 50, { count: 4 });
    expect(limit.longTermRttMs).toBe(0);
    limit.onSample(20, 50, false);
    expect(limit.longTermRttMs).toBe(20);
  });

  it('shrinks when the short-term RTT exceeds the tolerated baseline', () => {
    const clock = new ManualClock();
    const limit = new GradientLimit({ initialLimit: 100, smoothing: 1, queueSize: 0, clock });
    window(limit, clock, 20, 100); // baseline 20 ms
    expect(limit.limit).toBe(100);
    window(limit, clock, 40, 100); // 1.5 × 20.07 / 40 ≈ 0.75
    expect(limit.limit).toBe(75);
    window(limit, clock, 400, 100); // at most halved
    expect(limit.limit).toBe(37);
  });

  it('tolerates latency within rttTolerance', () => {
    const clock = new ManualClock();
    const limit = new GradientLimit({ initialLimit: 100, queueSize: 0, clock });
    window(limit, clock, 20, 100);
    for (let i = 0; i < 20; i++) window(limit, clock, 29, 100);
    expect(limit.limit).toBe(100);
  });

  it('treats a window with a drop as the steepest slowdown', () => {
    const clock = new ManualClock();
    const limit = new GradientLimit({ initialLimit: 100, smoothing: 1, queueSize: 0, clock });
    window(limit, clock, 20, 100, { dropped: true });
    expect(limit.limit).toBe(50);
  });

  it('learns nothing while less than half the limit is in use', () => {
    const clock = new ManualClock();
    const limit = new GradientLimit({ initialLimit: 100, smoothing: 1, queueSize: 0, clock });
    window(limit, clock, 20, 100);
    window(limit, clock, 400, 49);
    expect(limit.limit).toBe(100);
  });

  it('stays within minLimit and maxLimit and emits shedder.limit on moves', () => {
    const clock = new ManualClock();
    const limit = new GradientLimit({
      name: 'search',
      initialLimit: 10,
      minLimit: 8,
      maxLimit: 12,
      smoothing: 1,
      clock,
    });
    const events: LimitChangedEvent[] = [];
    limit.events.on('shedder.limit', (e) => events.push(e));
    for (let i = 0; i < 5; i++) window(limit, clock, 20, 12);
    expect(limit.limit).toBe(12);
    for (let i = 0; i < 5; i++) window(limit, clock, 20, 12, { dropped: true });
    expect(limit.limit).toBe(8);
    expect(events[0]).toEqual({ name: 'search', algorithm: 'gradient', limit: 12, previous: 10 });
    expect(events.at(-1)?.limit).toBe(8);
  });

  it('decays an inflated baseline when latency falls well below it', () => {
    const clock = new ManualClock();
    const limit = new GradientLimit({ longTermWindows: 1, clock });
    window(limit, clock, 100, 1);
    const before = limit.longTermRttMs;
    const decaying = new GradientLimit({ longTermWindows: 1000, clock });
    window(decaying, clock, 100, 1);
    window(decaying, clock, 10, 1);
    expect(before).toBe(100);
    expect(decaying.longTermRttMs).toBeLessThan(0.95 * 100);
  });

  it.each([
    [{ initialLimit: -1 }, 'gradientLimit.initialLimit'],
    [{ minLimit: 0 }, 'gradientLimit.minLimit'],
    [{ windowMs: 0 }, 'gradientLimit.windowMs'],
    [{ minWindowSamples: 0 }, 'gradientLimit.minWindowSamples'],
    [{ longTermWindows: 0.5 }, 'gradientLimit.longTermWindows'],
    [{ rttTolerance: 0.9 }, 'gradientLimit.rttTolerance'],
    [{ smoothing: 0 }, 'gradientLimit.smoothing'],
    [{ smoothing: 1.5 }, 'gradientLimit.smoothing'],
    [{ queueSize: -1 }, 'gradientLimit.queueSize'],
    [{ queueSize: Number.POSITIVE_INFINITY }, 'gradientLimit.queueSize'],
  ])('rejects %o naming %s', (options, option) => {
    let caught: unknown;
    try {
      new GradientLimit(options as GradientLimitOptions);
    } catch (error) {
      caught = error;
    }
    expect(isResilienceError(caught) && caught.code).toBe('INVALID_OPTION');
    expect((caught as { option: string }).option).toBe(option);
  });
});
