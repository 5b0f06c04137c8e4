/** One sample of the console's charts. */
export interface TelemetrySample {
  /** Time of the sample, ms since the epoch. */
  at: number;
  /** Product cache hit ratio over the interval (L1 + L2 hits / requests), 0..1, or null without requests. */
  hitRatio: number | null;
  /** Deductions per second over the interval. */
  deductionsPerSecond: number;
  /** Requests shed or rate limited per second over the interval. */
  rejectionsPerSecond: number;
}

/** What the sampler reads each tick: running totals. */
export interface TelemetryTotals {
  hits: number;
  requests: number;
  deductions: number;
  rejections: number;
}

/** A ring of recent samples for the console's charts (the last `size` intervals). */
export class Telemetry {
  readonly #read: () => TelemetryTotals;
  readonly #size: number;
  readonly #samples: TelemetrySample[] = [];
  #last: TelemetryTotals & { at: number };
  #timer: NodeJS.Timeout | undefined;

  constructor(read: () => TelemetryTotals, size = 150) {
    this.#read = read;
    this.#size = size;
    this.#last = { ...read(), at: Date.now() };
  }

  /** Samples every `everyMs`. */
  start(everyMs = 2_000): void {
    this.#timer = setInterval(() => this.sample(), everyMs);
    this.#timer.unref();
  }

  /** Takes one sample now. */
  sample(): TelemetrySample {
    const now = { ...this.#read(), at: Date.now() };
    const seconds = Math.max(0.001, (now.at - this.#last.at) / 1000);
    const requests = now.requests - this.#last.requests;
    const sample: TelemetrySample = {
      at: now.at,
      hitRatio: requests > 0 ? (now.hits - this.#last.hits) / requests : null,
      deductionsPerSecond: (now.deductions - this.#last.deductions) / seconds,
      rejectionsPerSecond: (now.rejections - this.#last.rejections) / seconds,
    };
    this.#last = now;
    this.#samples.push(sample);
    if (this.#samples.length > this.#size) this.#samples.shift();
    return sample;
  }

  /** The samples, oldest first. */
  samples(): TelemetrySample[] {
    return [...this.#samples];
  }

  /** Stops sampling. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
  }
}
