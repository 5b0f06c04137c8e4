import type { Clock } from './Clock.js';

/**
 * A {@link Clock} that moves only when told to.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ManualClock, TokenBucket } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const bucket = new TokenBucket({ ratePerSecond: 10, burst: 1, clock });
 * assert.equal(bucket.tryAcquire(), true);
 * assert.equal(bucket.tryAcquire(), false); // empty
 * clock.advance(100);
 * assert.equal(bucket.tryAcquire(), true); // one token refilled
 * ```
 *
 * @group Clock
 */
export class ManualClock implements Clock {
  #now: number;

  /** @param start - the initial reading, in ms */
  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  /** Moves time forward by `ms`. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`ManualClock.advance: ms must be >= 0; got ${ms}`);
    this.#now += ms;
  }
}
