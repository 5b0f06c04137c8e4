import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/ManualClock.js';
import { ErrorRateWindow } from './ErrorRateWindow.js';

describe('ErrorRateWindow', () => {
  it('reports failures over outcomes once it has enough samples', () => {
    const window = new ErrorRateWindow(1000, 4, new ManualClock());
    window.record(true);
    window.record(false);
    window.record(false);
    expect(window.ratio()).toBe(0);
    window.record(false);
    expect(window.ratio()).toBe(0.25);
  });

  it('expires outcomes bucket by bucket', () => {
    const clock = new ManualClock();
    const window = new ErrorRateWindow(1000, 1, clock, 10);
    window.record(true); // bucket 0
    clock.advance(500);
    window.record(false); // bucket 5
    expect(window.ratio()).toBe(0.5);
    clock.advance(500); // bucket 10 reuses bucket 0's slot: the failure expires
    expect(window.ratio()).toBe(0);
    expect(window.count).toBe(1);
    clock.advance(499);
    expect(window.count).toBe(1);
    clock.advance(1);
    expect(window.count).toBe(0);
  });

  it('clears everything after a long idle period', () => {
    const clock = new ManualClock(-5000);
    const window = new ErrorRateWindow(1000, 1, clock);
    window.record(true);
    window.record(true);
    clock.advance(60_000);
    expect(window.count).toBe(0);
    window.record(false);
    expect(window.ratio()).toBe(0);
  });
});
