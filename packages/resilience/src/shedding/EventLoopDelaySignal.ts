import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { type Clock, systemClock } from '../clock/Clock.js';
import { requireNumber } from '../options/requireNumber.js';
import type { EventLoopDelaySignalOptions } from './EventLoopDelaySignalOptions.js';
import type { PressureSignal } from './PressureSignal.js';

/**
 * How late this process's event loop runs, in ms: a percentile of
 * `perf_hooks.monitorEventLoopDelay` over the last refresh period. A loop that is
 * seconds late means requests queue in the process whatever the concurrency is, so
 * the {@link LoadShedder} sheds background, then normal traffic. The monitor does not
 * keep the process alive; {@link EventLoopDelaySignal.close} stops it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { EventLoopDelaySignal, LoadShedder } from '@mallkit/resilience';
 *
 * const eventLoopDelay = new EventLoopDelaySignal({ percentile: 99 });
 * const shedder = new LoadShedder({
 *   name: 'doc:EventLoopDelaySignal',
 *   limit: 200,
 *   eventLoopDelay,
 *   maxEventLoopDelayMs: { background: 50, normal: 200 },
 * });
 * assert.equal(eventLoopDelay.read(), 0); // 0 until the first refresh period (500 ms) ends
 * assert.equal(await shedder.run('background', async () => 'report'), 'report');
 * // on shutdown
 * eventLoopDelay.close();
 * ```
 *
 * @group Load shedding
 */
export class EventLoopDelaySignal implements PressureSignal {
  readonly #histogram: IntervalHistogram;
  readonly #percentile: number;
  readonly #refreshMs: number;
  readonly #clock: Clock;
  #readAt: number;
  #value = 0;

  /** @param options - see {@link EventLoopDelaySignalOptions} */
  constructor(options: EventLoopDelaySignalOptions = {}) {
    const resolution = requireNumber(
      'eventLoopDelaySignal.resolutionMs',
      options.resolutionMs ?? 10,
      { min: 1, integer: true },
    );
    this.#percentile = requireNumber('eventLoopDelaySignal.percentile', options.percentile ?? 99, {
      above: 0,
      max: 100,
    });
    this.#refreshMs = requireNumber('eventLoopDelaySignal.refreshMs', options.refreshMs ?? 500, {
      above: 0,
    });
    this.#clock = options.clock ?? systemClock;
    this.#histogram = monitorEventLoopDelay({ resolution });
    this.#histogram.enable();
    this.#readAt = this.#clock.now();
  }

  /** The delay percentile of the last refresh period, in ms (0 before the first one ends). */
  read(): number {
    const now = this.#clock.now();
    if (now - this.#readAt >= this.#refreshMs) {
      this.#readAt = now;
      if (this.#histogram.count > 0) {
        this.#value = this.#histogram.percentile(this.#percentile) / 1e6;
        this.#histogram.reset();
      }
    }
    return this.#value;
  }

  /** Stops the monitor; later reads return the last reading. */
  close(): void {
    this.#histogram.disable();
  }
}
