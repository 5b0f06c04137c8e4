import type { Meter } from './Meter.js';
import { TIME_EPSILON_MS } from './Meter.js';

/**
 * A token bucket of `capacity` tokens refilled at one token per `intervalMs`, kept as a
 * single number: the generic cell rate algorithm's theoretical arrival time (`tat`), the
 * moment the bucket would be full again. A request for `n` tokens at `now` fits when
 * `max(tat, now) + n × interval − now ≤ capacity × interval`. Refill is implicit, so the
 * bucket costs no timer and two multiplications per request, and starts full.
 */
export class TokenBucketMeter implements Meter {
  readonly capacity: number;
  readonly #intervalMs: number;
  readonly #toleranceMs: number;
  #tat = Number.NEGATIVE_INFINITY;

  /**
   * @param intervalMs - time to refill one token (`1000 / ratePerSecond`)
   * @param capacity - the burst: tokens the bucket holds when full
   */
  constructor(intervalMs: number, capacity: number) {
    this.capacity = capacity;
    this.#intervalMs = intervalMs;
    this.#toleranceMs = intervalMs * capacity;
  }

  take(permits: number, now: number): number {
    const next = Math.max(this.#tat, now) + permits * this.#intervalMs;
    const excess = next - now - this.#toleranceMs;
    if (excess > TIME_EPSILON_MS) return excess;
    this.#tat = next;
    return 0;
  }

  wait(permits: number, now: number): number {
    const excess = Math.max(this.#tat, now) + permits * this.#intervalMs - now;
    const wait = excess - this.#toleranceMs;
    return wait > TIME_EPSILON_MS ? wait : 0;
  }

  available(now: number): number {
    const debt = this.#tat > now ? this.#tat - now : 0;
    return Math.max(0, (this.#toleranceMs - debt) / this.#intervalMs);
  }
}
