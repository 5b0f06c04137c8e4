import type { Clock } from '../clock/Clock.js';
import type { AdaptiveConcurrencyLimit } from './AdaptiveConcurrencyLimit.js';
import type { PressureSignal } from './PressureSignal.js';
import type { Priority } from './Priority.js';
import type { RequestOutcome } from './RequestOutcome.js';

/**
 * Settings of a {@link LoadShedder}. Per-priority settings are merged key by key with
 * their defaults, and must not favour a lower priority over a higher one.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LoadShedder, LoadShedError, type LoadShedderOptions, ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const options: LoadShedderOptions = {
 *   name: 'doc:LoadShedderOptions',
 *   limit: 50,
 *   share: { normal: 0.8, background: 0.4 },
 *   maxErrorRate: { normal: 0.6, background: 0.2 },
 *   errorRateWindowMs: 10_000,
 *   errorRateMinSamples: 5,
 *   retryAfterMs: 2_000,
 *   classifyError: (error) => (error instanceof TypeError ? 'ignored' : 'failure'), // bad input is not the service's fault
 *   clock,
 * };
 * const shedder = new LoadShedder(options);
 * const failing = async (): Promise<string> => { throw new Error('payment service answered 500'); };
 * for (let i = 0; i < 5; i++) await assert.rejects(shedder.run('core', failing));
 * assert.equal(shedder.stats().errorRate, 1);
 * const shedFor = (e: unknown) => e instanceof LoadShedError && e.reason === 'errorRate' && e.retryAfterMs === 2_000;
 * await assert.rejects(shedder.run('background', async () => 'report'), shedFor);
 * assert.equal(await shedder.run('core', async () => 'checkout'), 'checkout'); // core is never shed for errors
 * clock.advance(10_000); // the failures leave the window
 * assert.equal(await shedder.run('background', async () => 'report'), 'report');
 * ```
 *
 * @group Load shedding
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
   * Event loop delay, in ms, above which requests of each priority are shed. Merged key
   * by key with the default: a priority left out keeps its default (core's is never to
   * shed for delay). A lower priority may not get a larger value than a higher one,
   * defaults included: `{ background: 300 }` alone is refused, since normal keeps 250;
   * give `{ normal: 300, background: 300 }`. `Infinity` is refused: to shed a priority
   * only under extreme delay, give it a large number.
   * @default { normal: 250, background: 100 }
   */
  maxEventLoopDelayMs?: Partial<Readonly<Record<Priority, number>>>;
  /**
   * Failure ratio of recent requests, in (0, 1], above which requests of each priority
   * are shed. Merged key by key with the default: a priority left out keeps its default
   * (core's is never to shed for errors). A lower priority may not get a larger value
   * than a higher one, defaults included: `{ background: 0.6 }` alone is refused, since
   * normal keeps 0.5; give `{ normal: 0.6, background: 0.6 }`. To never shed a priority
   * for errors, give it `1`.
   * @default { normal: 0.5, background: 0.25 }
   */
  maxErrorRate?: Partial<Readonly<Record<Priority, number>>>;
  /** Span of the error rate's sliding window, in ms. @default 10000 */
  errorRateWindowMs?: number;
  /** Outcomes the window must hold before its error rate can shed anything. @default 20 */
  errorRateMinSamples?: number;
  /**
   * `retryAfterMs` of the {@link LoadShedError}s the shedder throws, in ms (rounded up
   * to a whole number).
   * @default 1000
   */
  retryAfterMs?: number;
  /**
   * How {@link LoadShedder.run} reports a call that threw.
   * @default a {@link TimeoutError} is `'dropped'`, anything else a `'failure'`
   */
  classifyError?: (error: unknown) => RequestOutcome;
  /** Source of time for latencies and the error window. @default systemClock */
  clock?: Clock;
}
