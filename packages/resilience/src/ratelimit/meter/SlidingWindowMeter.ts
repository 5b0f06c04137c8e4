import type { Meter } from './Meter.js';
import { TIME_EPSILON_MS } from './Meter.js';

const COUNT_EPSILON = 1e-9;

/**
 * A sliding-window counter: at most `limit` permits in any `windowMs`, in constant
 * memory (three numbers). Time is cut into fixed windows; the count over the sliding
 * window ending now is estimated as the current window's count plus the previous
 * window's count weighted by how much of it the sliding window still covers. The
 * estimate assumes the previous window's requests were evenly spread, which is exact
 * for steady traffic and errs by at most one window's burst otherwise.
 */
export class SlidingWindowMeter implements Meter {
  readonly capacity: number;
  readonly #windowMs: number;
  #start = Number.NEGATIVE_INFINITY;
  #previous = 0;
  #current = 0;

  /**
   * @param limit - permits allowed in any window
   * @param windowMs - the window's length
   */
  constructor(limit: number, windowMs: number) {
    this.capacity = limit;
    this.#windowMs = windowMs;
  }

  take(permits: number, now: number): number {
    this.#roll(now);
    if (this.#estimate(now) + permits <= this.capacity + COUNT_EPSILON) {
      this.#current += permits;
      return 0;
    }
    return Math.max(TIME_EPSILON_MS, this.#waitAfterRoll(permits, now));
  }

  wait(permits: number, now: number): number {
    this.#roll(now);
    if (this.#estimate(now) + permits <= this.capacity + COUNT_EPSILON) return 0;
    return Math.max(TIME_EPSILON_MS, this.#waitAfterRoll(permits, now));
  }

  available(now: number): number {
    this.#roll(now);
    return Math.max(0, this.capacity - this.#estimate(now));
  }

  /** Moves the fixed windows forward so that `now` falls in the current one. */
  #roll(now: number): void {
    const elapsed = now - this.#start;
    if (!(elapsed >= this.#windowMs)) return;
    if (elapsed < 2 * this.#windowMs) {
      this.#previous = this.#current;
      this.#start += this.#windowMs;
    } else {
      this.#previous = 0;
      this.#start = Number.isFinite(elapsed) ? now - (elapsed % this.#windowMs) : now;
    }
    this.#current = 0;
  }

  #estimate(now: number): number {
    const covered = 1 - (now - this.#start) / this.#windowMs;
    return this.#previous * covered + this.#current;
  }

  /** Time until `permits` fit, given that they do not fit now. */
  #waitAfterRoll(permits: number, now: number): number {
    const windowMs = this.#windowMs;
    const room = this.capacity - this.#current - permits;
    if (room >= 0) {
      // Fits in this window once the previous window's weight has decayed enough.
      return this.#start + windowMs * (1 - room / this.#previous) - now;
    }
    // Needs the next window, where this window's count becomes the decaying one.
    const next = this.#start + windowMs;
    const decay =
      this.#current > 0 ? Math.max(0, 1 - (this.capacity - permits) / this.#current) : 0;
    return next + windowMs * decay - now;
  }
}
