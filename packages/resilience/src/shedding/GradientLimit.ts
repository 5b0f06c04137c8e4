import { type Clock, systemClock } from '../clock/Clock.js';
import { EventHub } from '../observability/EventHub.js';
import { requireNumber } from '../options/requireNumber.js';
import type { AdaptiveConcurrencyLimit } from './AdaptiveConcurrencyLimit.js';
import type { ConcurrencyLimitEvents } from './ConcurrencyLimitEvents.js';
import type { GradientLimitOptions } from './GradientLimitOptions.js';
import { requireLimitBounds } from './requireLimitBounds.js';

/**
 * A concurrency limit that follows latency: it compares the short-term round-trip time
 * (the mean of one window of samples) with a long-term baseline (a moving average over
 * `longTermWindows` windows). While the service is as fast as usual (within
 * `rttTolerance`) the limit grows by up to `queueSize` per window; when it slows down,
 * the limit shrinks in proportion (`gradient = tolerance × long / short`, at most halved
 * per window), smoothed by `smoothing`. A window with a dropped request counts as the
 * steepest slowdown. While less than half the limit is in use, nothing is learnt and the
 * limit stays. After a slow period, a baseline more than twice the current latency
 * decays quickly so it stops masking the next slowdown. Emits `shedder.limit` when the
 * whole-number limit moves.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { GradientLimit, LoadShedder, ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock(); // the system clock by default
 * const limit = new GradientLimit({ name: 'doc:GradientLimit', initialLimit: 100, minLimit: 20, maxLimit: 1000, clock });
 * const shedder = new LoadShedder({ name: 'doc:GradientLimit', limit, clock });
 *
 * // What the shedder feeds it: one window (1 s, 10 samples) of 20 ms calls with 60 in flight…
 * const oneWindow = (rttMs: number) => {
 *   clock.advance(1_000);
 *   for (let i = 0; i < 10; i++) limit.onSample(rttMs, 60, false);
 * };
 * oneWindow(20);
 * assert.deepEqual([limit.limit, limit.longTermRttMs], [100, 20]); // as fast as usual
 * oneWindow(80); // …then 4 times slower: the service is queueing, the limit shrinks
 * assert.equal(limit.limit, 91);
 * assert.equal(shedder.stats().limit, 91);
 * const product = await shedder.run('core', async () => ({ sku: 'sku-1', price: 1999 }));
 * assert.equal(product.sku, 'sku-1');
 * ```
 *
 * @group Load shedding
 */
export class GradientLimit implements AdaptiveConcurrencyLimit {
  /** Name in events. */
  readonly name: string;
  /** Typed events; see {@link ConcurrencyLimitEvents}. */
  readonly events = new EventHub<ConcurrencyLimitEvents>();
  readonly #minLimit: number;
  readonly #maxLimit: number;
  readonly #windowMs: number;
  readonly #minWindowSamples: number;
  readonly #longAlpha: number;
  readonly #tolerance: number;
  readonly #smoothing: number;
  readonly #queueSize: number;
  readonly #clock: Clock;
  #estimate: number;
  #limit: number;
  #longRtt = 0;
  #windowStart: number;
  #windowCount = 0;
  #windowRttSum = 0;
  #windowMaxInflight = 0;
  #windowDropped = false;

  /** @param options - see {@link GradientLimitOptions} */
  constructor(options: GradientLimitOptions = {}) {
    this.name = options.name ?? 'gradient';
    const bounds = requireLimitBounds('gradientLimit', options, {
      initialLimit: 20,
      minLimit: 1,
      maxLimit: 1000,
    });
    this.#minLimit = bounds.minLimit;
    this.#maxLimit = bounds.maxLimit;
    this.#windowMs = requireNumber('gradientLimit.windowMs', options.windowMs ?? 1000, {
      above: 0,
    });
    this.#minWindowSamples = requireNumber(
      'gradientLimit.minWindowSamples',
      options.minWindowSamples ?? 10,
      { min: 1, integer: true },
    );
    const longTermWindows = requireNumber(
      'gradientLimit.longTermWindows',
      options.longTermWindows ?? 600,
      { min: 1, integer: true },
    );
    this.#longAlpha = 2 / (longTermWindows + 1);
    this.#tolerance = requireNumber('gradientLimit.rttTolerance', options.rttTolerance ?? 1.5, {
      min: 1,
    });
    this.#smoothing = requireNumber('gradientLimit.smoothing', options.smoothing ?? 0.2, {
      above: 0,
      max: 1,
    });
    this.#queueSize = requireNumber('gradientLimit.queueSize', options.queueSize ?? 4, {
      min: 0,
    });
    this.#clock = options.clock ?? systemClock;
    this.#estimate = bounds.initialLimit;
    this.#limit = bounds.initialLimit;
    this.#windowStart = this.#clock.now();
  }

  /** The current limit. */
  get limit(): number {
    return this.#limit;
  }

  /** The long-term (baseline) round-trip time in ms; 0 until the first window closed. */
  get longTermRttMs(): number {
    return this.#longRtt;
  }

  onSample(rttMs: number, inflight: number, dropped: boolean): void {
    const now = this.#clock.now();
    this.#windowCount++;
    this.#windowRttSum += rttMs;
    if (inflight > this.#windowMaxInflight) this.#windowMaxInflight = inflight;
    if (dropped) this.#windowDropped = true;
    if (this.#windowCount >= this.#minWindowSamples && now - this.#windowStart >= this.#windowMs) {
      this.#windowStart = now;
      this.#closeWindow();
    }
  }

  #closeWindow(): void {
    const shortRtt = this.#windowRttSum / this.#windowCount;
    const maxInflight = this.#windowMaxInflight;
    const dropped = this.#windowDropped;
    this.#windowCount = 0;
    this.#windowRttSum = 0;
    this.#windowMaxInflight = 0;
    this.#windowDropped = false;

    if (this.#longRtt === 0) this.#longRtt = shortRtt;
    else this.#longRtt += (shortRtt - this.#longRtt) * this.#longAlpha;
    if (this.#longRtt > 2 * shortRtt) this.#longRtt *= 0.95;

    // Less than half the limit in use: latency says nothing about what more load would do.
    if (!dropped && maxInflight * 2 < this.#estimate) return;

    const ratio = shortRtt > 0 ? (this.#tolerance * this.#longRtt) / shortRtt : 1;
    const gradient = dropped ? 0.5 : Math.max(0.5, Math.min(1, ratio));
    const target = this.#estimate * gradient + this.#queueSize;
    const next = this.#estimate + (target - this.#estimate) * this.#smoothing;
    this.#estimate = Math.max(this.#minLimit, Math.min(this.#maxLimit, next));

    const limit = Math.floor(this.#estimate + 1e-9); // 57.99999… is 58
    if (limit === this.#limit) return;
    const previous = this.#limit;
    this.#limit = limit;
    if (this.events.wants('shedder.limit')) {
      this.events.emit('shedder.limit', {
        name: this.name,
        algorithm: 'gradient',
        limit,
        previous,
      });
    }
  }
}
