import type { Clock } from '../clock/Clock.js';

/**
 * Failure ratio over a sliding window of `windowMs`, kept in `buckets` time buckets so
 * that old outcomes expire a bucket at a time. Recording and reading allocate nothing.
 * Below `minSamples` outcomes in the window the ratio reads 0: one failure out of one
 * request is not a failing service.
 */
export class ErrorRateWindow {
  readonly #bucketMs: number;
  readonly #minSamples: number;
  readonly #clock: Clock;
  readonly #totals: Float64Array;
  readonly #failures: Float64Array;
  #head = Number.NEGATIVE_INFINITY;
  #total = 0;
  #failed = 0;

  /**
   * @param windowMs - length of the window, in ms
   * @param minSamples - outcomes needed before the ratio is trusted
   * @param clock - source of time
   * @param buckets - how many slices the window expires in
   */
  constructor(windowMs: number, minSamples: number, clock: Clock, buckets = 10) {
    this.#bucketMs = windowMs / buckets;
    this.#minSamples = minSamples;
    this.#clock = clock;
    this.#totals = new Float64Array(buckets);
    this.#failures = new Float64Array(buckets);
  }

  /** Counts one outcome. */
  record(failed: boolean): void {
    const slot = this.#advance();
    this.#totals[slot] = (this.#totals[slot] ?? 0) + 1;
    this.#total++;
    if (failed) {
      this.#failures[slot] = (this.#failures[slot] ?? 0) + 1;
      this.#failed++;
    }
  }

  /** Failures / outcomes in the window, or 0 below `minSamples` outcomes. */
  ratio(): number {
    this.#advance();
    return this.#total >= this.#minSamples ? this.#failed / this.#total : 0;
  }

  /** Outcomes in the window. */
  get count(): number {
    this.#advance();
    return this.#total;
  }

  /** Moves the head to the current bucket, expiring the buckets it passes; returns its slot. */
  #advance(): number {
    const size = this.#totals.length;
    const bucket = Math.floor(this.#clock.now() / this.#bucketMs);
    if (bucket > this.#head) {
      if (bucket - this.#head >= size) {
        this.#totals.fill(0);
        this.#failures.fill(0);
        this.#total = 0;
        this.#failed = 0;
      } else {
        for (let b = this.#head + 1; b <= bucket; b++) {
          const slot = ((b % size) + size) % size;
          this.#total -= this.#totals[slot] ?? 0;
          this.#failed -= this.#failures[slot] ?? 0;
          this.#totals[slot] = 0;
          this.#failures[slot] = 0;
        }
      }
      this.#head = bucket;
    }
    return ((this.#head % size) + size) % size;
  }
}
