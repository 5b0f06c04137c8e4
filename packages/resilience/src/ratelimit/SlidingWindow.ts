import { systemClock } from '../clock/Clock.js';
import { LocalRateLimiter } from './LocalRateLimiter.js';
import { slidingWindowParams } from './meter/meterFactory.js';
import { SlidingWindowMeter } from './meter/SlidingWindowMeter.js';
import type { SlidingWindowOptions } from './SlidingWindowOptions.js';
import type { SlidingWindowStats } from './SlidingWindowStats.js';

/**
 * An in-process sliding-window limit: at most `limit` permits in any `windowMs`, in
 * constant memory. It counts per fixed window and weights the previous window by how
 * much of it the sliding window still covers, so it has no boundary burst (a fixed
 * window admits up to twice its limit across a boundary) and keeps no timestamps.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ManualClock, SlidingWindow } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const logins = new SlidingWindow({ name: 'doc:SlidingWindow', limit: 5, windowMs: 60_000, clock });
 * for (let i = 0; i < 5; i++) assert.equal(logins.tryAcquire(), true);
 * // Refused: the 5 fade out over the next window, so 1 more fits after 72 s.
 * assert.deepEqual(logins.acquire(), { allowed: false, retryAfterMs: 72_000 });
 * clock.advance(90_000); // the previous window counts for half now: 2.5 permits
 * assert.equal(logins.tryAcquire(2), true);
 * assert.equal(logins.tryAcquire(), false);
 * ```
 *
 * @group Rate limiting
 */
export class SlidingWindow extends LocalRateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;

  /** @param options - limit, window, name and clock; invalid values throw {@link InvalidOptionError} */
  constructor(options: SlidingWindowOptions) {
    const { capacity, windowMs } = slidingWindowParams(
      'slidingWindow',
      options?.limit,
      options?.windowMs,
    );
    super(
      options.name ?? 'slidingWindow',
      new SlidingWindowMeter(capacity, windowMs),
      options.clock ?? systemClock,
    );
    this.#limit = capacity;
    this.#windowMs = windowMs;
  }

  /** Counters, permits available now and the configuration. */
  override stats(): SlidingWindowStats {
    return {
      ...super.stats(),
      available: this.available(),
      limit: this.#limit,
      windowMs: this.#windowMs,
    };
  }
}
