/** Rows of the sketch: an estimate is the least of this many counters. */
const ROWS = 4;

/**
 * A Count-Min sketch with conservative update and aging: approximate access counts
 * of any number of keys in a fixed `ROWS × width` table of 32-bit counters.
 *
 * An estimate never undercounts what was added since the counters last aged; it
 * overcounts only by collisions, which conservative update (raising only the
 * counters that hold the minimum) keeps small. {@link FrequencySketch.age} multiplies
 * every counter by a factor below 1, so old accesses fade.
 */
export class FrequencySketch {
  /** Counters per row (a power of two). */
  readonly width: number;
  readonly #table: Uint32Array;
  readonly #mask: number;

  /** @param width - counters per row; rounded up to a power of two */
  constructor(width: number) {
    let w = 1;
    while (w < width) w *= 2;
    this.width = w;
    this.#mask = w - 1;
    this.#table = new Uint32Array(ROWS * w);
  }

  /** Bytes held by the counters; fixed at construction. */
  get byteLength(): number {
    return this.#table.byteLength;
  }

  /** Counts one access to the key of `hash` and returns its new estimate. */
  increment(hash: number): number {
    const t = this.#table;
    const m = this.#mask;
    const w = this.width;
    const step = ((hash >>> 17) | (hash << 15) | 1) >>> 0;
    const i0 = hash & m;
    const i1 = ((hash + step) & m) + w;
    const i2 = ((hash + 2 * step) & m) + 2 * w;
    const i3 = ((hash + 3 * step) & m) + 3 * w;
    const c0 = t[i0] as number;
    const c1 = t[i1] as number;
    const c2 = t[i2] as number;
    const c3 = t[i3] as number;
    let min = c0;
    if (c1 < min) min = c1;
    if (c2 < min) min = c2;
    if (c3 < min) min = c3;
    if (min === 0xffffffff) return min;
    const next = min + 1;
    if (c0 < next) t[i0] = next;
    if (c1 < next) t[i1] = next;
    if (c2 < next) t[i2] = next;
    if (c3 < next) t[i3] = next;
    return next;
  }

  /** The estimated count of the key of `hash`. */
  estimate(hash: number): number {
    const t = this.#table;
    const m = this.#mask;
    const w = this.width;
    const step = ((hash >>> 17) | (hash << 15) | 1) >>> 0;
    let min = t[hash & m] as number;
    for (let row = 1; row < ROWS; row++) {
      const c = t[((hash + row * step) & m) + row * w] as number;
      if (c < min) min = c;
    }
    return min;
  }

  /** Multiplies every counter by `factor` (in [0, 1)), rounding down: old accesses fade. */
  age(factor: number): void {
    const t = this.#table;
    if (factor === 0) {
      t.fill(0);
      return;
    }
    for (let i = 0; i < t.length; i++) {
      const c = t[i] as number;
      if (c !== 0) t[i] = Math.floor(c * factor);
    }
  }

  /** Forgets every count. */
  clear(): void {
    this.#table.fill(0);
  }
}
