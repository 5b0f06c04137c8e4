import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/ManualClock.js';
import { isResilienceError } from '../errors/ResilienceError.js';
import { EventLoopDelaySignal } from './EventLoopDelaySignal.js';

describe('EventLoopDelaySignal', () => {
  it('reports a blocked event loop after the refresh period', async () => {
    const clock = new ManualClock();
    const signal = new EventLoopDelaySignal({ resolutionMs: 10, clock, refreshMs: 500 });
    try {
      expect(signal.read()).toBe(0);
      await delay(30); // the monitor measures from its first tick on
      const until = performance.now() + 150;
      while (performance.now() < until) {
        // keep the loop busy: this is the delay being measured
      }
      // let the monitor's own timer run so it records the late tick
      await delay(30);
      expect(signal.read()).toBe(0); // not refreshed yet
      clock.advance(500);
      expect(signal.read()).toBeGreaterThanOrEqual(100);
    } finally {
      signal.close();
    }
  });

  it.each([
    [{ resolutionMs: 0 }, 'eventLoopDelaySignal.resolutionMs'],
    [{ percentile: 101 }, 'eventLoopDelaySignal.percentile'],
    [{ refreshMs: -1 }, 'eventLoopDelaySignal.refreshMs'],
  ])('rejects %o naming %s', (options, option) => {
    let caught: unknown;
    try {
      new EventLoopDelaySignal(options);
    } catch (error) {
      caught = error;
    }
    expect(isResilienceError(caught) && caught.code).toBe('INVALID_OPTION');
    expect((caught as { option: string }).option).toBe(option);
  });
});
