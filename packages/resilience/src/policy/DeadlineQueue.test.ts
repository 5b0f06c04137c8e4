import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeadlineQueue, type Expirable } from './DeadlineQueue.js';

// Fake timers drive both the queue's timer and Date.now, the clock it is given.
const clock = { now: () => Date.now() };

function entry(log: string[], name: string): Expirable {
  return {
    deadline: 0,
    done: false,
    expire() {
      this.done = true;
      log.push(name);
    },
  };
}

describe('DeadlineQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('expires entries in order at their own deadlines', () => {
    const log: string[] = [];
    const queue = new DeadlineQueue(100, clock);
    queue.add(entry(log, 'a'));
    vi.advanceTimersByTime(40);
    queue.add(entry(log, 'b'));
    vi.advanceTimersByTime(59);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['a']);
    vi.advanceTimersByTime(39);
    expect(log).toEqual(['a']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['a', 'b']);
    expect(queue.size).toBe(0);
  });

  it('never expires settled entries and drops them from the head', () => {
    const log: string[] = [];
    const queue = new DeadlineQueue(10, clock);
    const settled = entry(log, 'settled');
    queue.add(settled);
    queue.add(entry(log, 'pending'));
    settled.done = true;
    queue.trim();
    expect(queue.size).toBe(1);
    vi.advanceTimersByTime(10);
    expect(log).toEqual(['pending']);
  });

  it('stays small when entries settle out of order behind a slow head', () => {
    const log: string[] = [];
    const queue = new DeadlineQueue(1000, clock);
    const slow = entry(log, 'slow');
    queue.add(slow);
    for (let i = 0; i < 5000; i++) {
      const e = entry(log, `fast${i}`);
      queue.add(e);
      e.done = true;
      queue.trim();
    }
    expect(queue.size).toBe(5001);
    slow.done = true;
    queue.trim();
    expect(queue.size).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
  });
});
