import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/ManualClock.js';
import { isResilienceError } from '../errors/ResilienceError.js';
import { AimdLimit } from './AimdLimit.js';
import type { AimdLimitOptions } from './AimdLimitOptions.js';
import type { LimitChangedEvent } from './LimitChangedEvent.js';

describe('AimdLimit', () => {
  it('grows by about one per limit-worth of successes while busy', () => {
    const limit = new AimdLimit({ initialLimit: 10, clock: new ManualClock() });
    for (let i = 0; i < 10; i++) limit.onSample(5, 10, false);
    expect(limit.limit).toBe(10); // 10 + 10 × 1/10.x just under 11
    limit.onSample(5, 10, false);
    expect(limit.limit).toBe(11);
  });

  it('does not grow while less than half the limit is in use', () => {
    const limit = new AimdLimit({ initialLimit: 10, clock: new ManualClock() });
    for (let i = 0; i < 100; i++) limit.onSample(5, 4, false);
    expect(limit.limit).toBe(10);
  });

  it('backs off once per round trip on drops and slow samples', () => {
    const clock = new ManualClock(1000);
    const limit = new AimdLimit({ initialLimit: 100, backoffRatio: 0.5, timeoutMs: 200, clock });
    limit.onSample(50, 100, true);
    expect(limit.limit).toBe(50);
    // dropped requests admitted before that decrease do not decrease it again
    limit.onSample(50, 100, true);
    limit.onSample(300, 100, false);
    expect(limit.limit).toBe(50);
    clock.advance(100);
    limit.onSample(50, 50, true); // admitted after the decrease
    expect(limit.limit).toBe(25);
    clock.advance(300);
    limit.onSample(250, 25, false); // slower than timeoutMs
    expect(limit.limit).toBe(12);
  });

  it('stays within minLimit and maxLimit', () => {
    const clock = new ManualClock();
    const limit = new AimdLimit({ initialLimit: 3, minLimit: 2, maxLimit: 4, clock });
    for (let i = 0; i < 100; i++) limit.onSample(1, 4, false);
    expect(limit.limit).toBe(4);
    for (let i = 0; i < 20; i++) {
      clock.advance(10);
      limit.onSample(1, 4, true);
    }
    expect(limit.limit).toBe(2);
  });

  it('emits shedder.limit when the whole-number limit moves', () => {
    const clock = new ManualClock();
    const limit = new AimdLimit({ name: 'catalog', initialLimit: 20, clock });
    const events: LimitChangedEvent[] = [];
    limit.events.on('shedder.limit', (e) => events.push(e));
    limit.onSample(10, 20, true);
    expect(events).toEqual([{ name: 'catalog', algorithm: 'aimd', limit: 18, previous: 20 }]);
  });

  it.each([
    [{ initialLimit: 0 }, 'aimdLimit.initialLimit'],
    [{ minLimit: -1 }, 'aimdLimit.minLimit'],
    [{ maxLimit: Number.NaN }, 'aimdLimit.maxLimit'],
    [{ minLimit: 10, maxLimit: 5 }, 'aimdLimit.maxLimit'],
    [{ initialLimit: 2000 }, 'aimdLimit.initialLimit'],
    [{ backoffRatio: 1 }, 'aimdLimit.backoffRatio'],
    [{ backoffRatio: 0 }, 'aimdLimit.backoffRatio'],
    [{ timeoutMs: 0 }, 'aimdLimit.timeoutMs'],
  ])('rejects %o naming %s', (options, option) => {
    let caught: unknown;
    try {
      new AimdLimit(options as AimdLimitOptions);
    } catch (error) {
      caught = error;
    }
    expect(isResilienceError(caught) && caught.code).toBe('INVALID_OPTION');
    expect((caught as { option: string }).option).toBe(option);
  });
});
