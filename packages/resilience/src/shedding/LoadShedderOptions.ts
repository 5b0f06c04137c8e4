import type { Clock } from '../clock/Clock.js';
import type { AdaptiveConcurrencyLimit } from './AdaptiveConcurrencyLimit.js';
import type { PressureSignal } from './PressureSignal.js';
import type { Priority } from './Priority.js';
import type { RequestOutcome } from './RequestOutcome.js';

/**
 * Settings of a {@link LoadShedder}. Per-priority settings are merged key by key with
 * their defaults, and must not favour a lower priority over a higher one.
 */
export interface LoadShedderOptions {
  /** Name in events and stats. @default 'shedder' */
  name?: string;
  /**
   * How many requests may be in flight at once: a whole number for a fixed limit, or an
   * adaptive limit ({@link AimdLimit}, {@link GradientLimit}).
   * @default 100
   */
  limit?: number | AdaptiveConcurrencyLimit;
  /**
   * Share of the limit, in (0, 1], up to which each priority is admitted. The rest is
   * kept for the priorities above: with the defaults and a limit of 100, background
   * requests are admitted while fewer than 50 requests are in flight, normal ones below
   * 85, core ones below 100.
   * @default { core: 1, normal: 0.85, background: 0.5 }
   */
  share?: Partial<Readonly<Record<Priority, number>>>;
  /**
   * The event loop delay, in ms, e.g. an {@link EventLoopDelaySignal}. Not watched when
   * absent.
   * @default undefined
   */
  eventLoopDelay?: PressureSignal;
  /**
   * Event loop delay, in ms, above which requests of each priority are shed. A priority
   * left out is never shed for delay.
   * @default { normal: 250, background: 100 }
   */
  maxEventLoopDelayMs?: Partial<Readonly<Record<Priority, number>>>;
  /**
   * Failure ratio of recent requests, in (0, 1], above which requests of each priority
   * are shed. A priority left out is never shed for errors.
   * @default { normal: 0.5, background: 0.25 }
   */
  maxErrorRate?: Partial<Readonly<Record<Priority, number>>>;
  /** Span of the error rate's sliding window, in ms. @default 10000 */
  errorRateWindowMs?: number;
  /** Outcomes the window must hold before its error rate can shed anything. @default 20 */
  errorRateMinSamples?: number;
  /** `retryAfterMs` of the {@link LoadShedError}s the shedder throws. @default 1000 */
  retryAfterMs?: number;
  /**
   * How {@link LoadShedder.run} reports a call that threw.
   * @default a {@link TimeoutError} is `'dropped'`, anything else a `'failure'`
   */
  classifyError?: (error: unknown) => RequestOutcome;
  /** Source of time for latencies and the error window. @default systemClock */
  clock?: Clock;
}
