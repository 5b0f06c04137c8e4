import { type Clock, systemClock } from '../clock/Clock.js';
import { InvalidOptionError } from '../errors/InvalidOptionError.js';
import { LoadShedError, type ShedReason } from '../errors/LoadShedError.js';
import { isResilienceError } from '../errors/ResilienceError.js';
import { EventHub } from '../observability/EventHub.js';
import { requireNumber } from '../options/requireNumber.js';
import type { AdaptiveConcurrencyLimit } from './AdaptiveConcurrencyLimit.js';
import { ErrorRateWindow } from './ErrorRateWindow.js';
import type { LoadShedderEvents } from './LoadShedderEvents.js';
import type { LoadShedderOptions } from './LoadShedderOptions.js';
import type { LoadShedderStats } from './LoadShedderStats.js';
import type { PressureSignal } from './PressureSignal.js';
import { type Priority, priorities, requirePriority } from './Priority.js';
import type { RequestOutcome } from './RequestOutcome.js';
import type { ShedderPermit } from './ShedderPermit.js';

const CORE = 0;
const NORMAL = 1;
const BACKGROUND = 2;
const reasons: readonly ShedReason[] = [
  'concurrency',
  'eventLoopDelay',
  'errorRate',
  'queueTimeout',
];

function indexOf(priority: Priority): number {
  if (priority === 'core') return CORE;
  if (priority === 'normal') return NORMAL;
  if (priority === 'background') return BACKGROUND;
  return indexOf(requirePriority('priority', priority));
}

function defaultClassify(error: unknown): RequestOutcome {
  return isResilienceError(error) && error.code === 'TIMEOUT' ? 'dropped' : 'failure';
}

/**
 * Priority load shedding: under pressure, lower priorities are refused first so that
 * core traffic (product pages, stock deduction) keeps being served.
 *
 * A request of each priority is admitted while
 * - fewer requests than its share of the concurrency limit are in flight (the limit is
 *   fixed, or adaptive: {@link AimdLimit}, {@link GradientLimit});
 * - the event loop delay, when watched, is at most that priority's maximum;
 * - the recent error rate is at most that priority's maximum.
 *
 * Otherwise it is shed with a {@link LoadShedError} naming the signal. By default core
 * requests are shed only when the whole limit is in use; background ones go first.
 * {@link LoadShedder.run} wraps a call; {@link LoadShedder.tryAcquire} and
 * {@link LoadShedder.acquire} give frameworks a permit to release when the request ends.
 * Admission allocates nothing but the permit.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { isResilienceError, LoadShedder } from '@mallkit/resilience';
 *
 * const shedder = new LoadShedder({ name: 'doc:LoadShedder', limit: 4 });
 * const recommend = async (user: string) => [`sku-for-${user}`];
 *
 * async function recommendations(user: string): Promise<string[] | 503> {
 *   try {
 *     return await shedder.run('background', () => recommend(user));
 *   } catch (error) {
 *     if (isResilienceError(error) && error.code === 'LOAD_SHED') return 503; // + Retry-After: error.retryAfterMs
 *     throw error;
 *   }
 * }
 * assert.deepEqual(await recommendations('user-1'), ['sku-for-user-1']);
 *
 * // In a framework hook: a permit per request, released when the response is sent.
 * const permits = [shedder.tryAcquire('core'), shedder.tryAcquire('normal')];
 * assert.equal(await recommendations('user-1'), 503); // 2 of 4 in flight: background gets half the limit
 * for (const permit of permits) permit?.release('success');
 * assert.equal(shedder.stats().shed.background.concurrency, 1);
 * ```
 *
 * @group Load shedding
 */
export class LoadShedder {
  /** Name in events and stats. */
  readonly name: string;
  /** Typed events; see {@link LoadShedderEvents}. */
  readonly events = new EventHub<LoadShedderEvents>();
  readonly #limit: AdaptiveConcurrencyLimit;
  readonly #share: Float64Array;
  readonly #maxDelay: Float64Array;
  readonly #maxErrorRate: Float64Array;
  readonly #eventLoopDelay: PressureSignal | undefined;
  readonly #errors: ErrorRateWindow;
  readonly #retryAfterMs: number;
  readonly #classify: (error: unknown) => RequestOutcome;
  readonly #clock: Clock;
  readonly #admitted = new Float64Array(3);
  readonly #shed = new Float64Array(3 * reasons.length);
  readonly #inflightBy = new Float64Array(3);
  readonly #settle: Settle;
  #inflight = 0;

  /** @param options - see {@link LoadShedderOptions} */
  constructor(options: LoadShedderOptions = {}) {
    this.name = options.name ?? 'shedder';
    this.#limit = toLimit(options.limit ?? 100);
    this.#share = perPriority('loadShedder.share', options.share, [1, 0.85, 0.5], {
      above: 0,
      max: 1,
    });
    this.#maxDelay = perPriority(
      'loadShedder.maxEventLoopDelayMs',
      options.maxEventLoopDelayMs,
      [Number.POSITIVE_INFINITY, 250, 100],
      { above: 0 },
    );
    this.#maxErrorRate = perPriority(
      'loadShedder.maxErrorRate',
      options.maxErrorRate,
      [Number.POSITIVE_INFINITY, 0.5, 0.25],
      { above: 0, max: 1 },
    );
    const signal = options.eventLoopDelay;
    if (signal !== undefined && typeof signal?.read !== 'function') {
      throw new InvalidOptionError('loadShedder.eventLoopDelay', 'a PressureSignal', signal);
    }
    this.#eventLoopDelay = signal;
    this.#clock = options.clock ?? systemClock;
    this.#errors = new ErrorRateWindow(
      requireNumber('loadShedder.errorRateWindowMs', options.errorRateWindowMs ?? 10_000, {
        above: 0,
      }),
      requireNumber('loadShedder.errorRateMinSamples', options.errorRateMinSamples ?? 20, {
        min: 1,
        integer: true,
      }),
      this.#clock,
    );
    this.#retryAfterMs = requireNumber('loadShedder.retryAfterMs', options.retryAfterMs ?? 1000, {
      min: 0,
    });
    const classify = options.classifyError ?? defaultClassify;
    if (typeof classify !== 'function') {
      throw new InvalidOptionError('loadShedder.classifyError', 'a function', classify);
    }
    this.#classify = classify;
    this.#settle = (p, start, inflight, outcome) => this.#complete(p, start, inflight, outcome);
  }

  /**
   * Runs `fn` if a `priority` request is admitted now, else rejects with a
   * {@link LoadShedError} without calling it. The slot is released when `fn` settles,
   * whether it resolves or throws; a thrown error is reported as `classifyError` says.
   */
  async run<T>(priority: Priority, fn: () => T | PromiseLike<T>): Promise<T> {
    const p = indexOf(priority);
    const reason = this.#refusal(p);
    if (reason !== undefined) throw this.#rejected(p, reason, true);
    const inflight = this.#admit(p);
    const start = this.#clock.now();
    let outcome: RequestOutcome = 'success';
    try {
      return await fn();
    } catch (error) {
      outcome = this.#classifySafely(error);
      throw error;
    } finally {
      this.#complete(p, start, inflight, outcome);
    }
  }

  /**
   * Admits a `priority` request and returns its permit, or returns `undefined` when it
   * is shed (counted and reported like any rejection, without building an error).
   */
  tryAcquire(priority: Priority): ShedderPermit | undefined {
    const p = indexOf(priority);
    const reason = this.#refusal(p);
    if (reason !== undefined) {
      this.#rejected(p, reason, false);
      return undefined;
    }
    const inflight = this.#admit(p);
    return new Permit(this.#settle, priority, p, this.#clock.now(), inflight);
  }

  /** Like {@link LoadShedder.tryAcquire}, but throws a {@link LoadShedError} when shed. */
  acquire(priority: Priority): ShedderPermit {
    const p = indexOf(priority);
    const reason = this.#refusal(p);
    if (reason !== undefined) throw this.#rejected(p, reason, true);
    const inflight = this.#admit(p);
    return new Permit(this.#settle, priority, p, this.#clock.now(), inflight);
  }

  /** Requests in flight. */
  get inflight(): number {
    return this.#inflight;
  }

  /** A snapshot of the counters; see {@link LoadShedderStats}. */
  stats(): LoadShedderStats {
    const byPriority = (values: Float64Array) =>
      Object.fromEntries(priorities.map((p) => [p, values[indexOf(p)] ?? 0])) as Record<
        Priority,
        number
      >;
    const shed = Object.fromEntries(
      priorities.map((p) => [
        p,
        Object.fromEntries(
          reasons.map((r, i) => [r, this.#shed[indexOf(p) * reasons.length + i] ?? 0]),
        ),
      ]),
    ) as Record<Priority, Record<ShedReason, number>>;
    return {
      name: this.name,
      inflight: this.#inflight,
      limit: this.#limit.limit,
      inflightByPriority: byPriority(this.#inflightBy),
      admitted: byPriority(this.#admitted),
      shed,
      errorRate: this.#errors.ratio(),
      eventLoopDelayMs: this.#eventLoopDelay?.read(),
    };
  }

  /** Why a request of priority index `p` must be shed now, or `undefined` to admit it. */
  #refusal(p: number): ShedReason | undefined {
    if (this.#inflight >= this.#limit.limit * (this.#share[p] ?? 1)) return 'concurrency';
    const maxDelay = this.#maxDelay[p] ?? Number.POSITIVE_INFINITY;
    if (
      maxDelay !== Number.POSITIVE_INFINITY &&
      this.#eventLoopDelay !== undefined &&
      this.#eventLoopDelay.read() > maxDelay
    ) {
      return 'eventLoopDelay';
    }
    const maxErrorRate = this.#maxErrorRate[p] ?? Number.POSITIVE_INFINITY;
    if (maxErrorRate !== Number.POSITIVE_INFINITY && this.#errors.ratio() > maxErrorRate) {
      return 'errorRate';
    }
    return undefined;
  }

  #admit(p: number): number {
    this.#admitted[p] = (this.#admitted[p] ?? 0) + 1;
    this.#inflightBy[p] = (this.#inflightBy[p] ?? 0) + 1;
    return ++this.#inflight;
  }

  #rejected(p: number, reason: ShedReason, build: boolean): LoadShedError | undefined {
    const at = p * reasons.length + reasons.indexOf(reason);
    this.#shed[at] = (this.#shed[at] ?? 0) + 1;
    const priority = priorities[p] ?? 'core';
    if (this.events.wants('rejected')) {
      this.events.emit('rejected', {
        source: 'shedder',
        name: this.name,
        code: 'LOAD_SHED',
        priority,
      });
    }
    return build ? new LoadShedError(priority, reason, this.#retryAfterMs) : undefined;
  }

  #complete(p: number, start: number, inflight: number, outcome: RequestOutcome): void {
    this.#inflight--;
    this.#inflightBy[p] = (this.#inflightBy[p] ?? 1) - 1;
    switch (outcome) {
      case 'success':
        this.#errors.record(false);
        this.#limit.onSample(this.#clock.now() - start, inflight, false);
        return;
      case 'failure':
        this.#errors.record(true);
        return;
      case 'dropped':
        this.#errors.record(true);
        this.#limit.onSample(this.#clock.now() - start, inflight, true);
        return;
      case 'ignored':
        return;
      default:
        throw new InvalidOptionError(
          'outcome',
          "one of 'success', 'failure', 'dropped', 'ignored'",
          outcome,
        );
    }
  }

  #classifySafely(error: unknown): RequestOutcome {
    try {
      return this.#classify(error);
    } catch {
      return 'failure';
    }
  }
}

type Settle = (p: number, start: number, inflight: number, outcome: RequestOutcome) => void;

class Permit implements ShedderPermit {
  readonly priority: Priority;
  readonly #settle: Settle;
  readonly #p: number;
  readonly #start: number;
  readonly #inflight: number;
  #released = false;

  constructor(settle: Settle, priority: Priority, p: number, start: number, inflight: number) {
    this.#settle = settle;
    this.priority = priority;
    this.#p = p;
    this.#start = start;
    this.#inflight = inflight;
  }

  release(outcome: RequestOutcome = 'success'): void {
    if (this.#released) return;
    this.#released = true;
    this.#settle(this.#p, this.#start, this.#inflight, outcome);
  }
}

class FixedLimit implements AdaptiveConcurrencyLimit {
  readonly limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  onSample(): void {}
}

function toLimit(value: unknown): AdaptiveConcurrencyLimit {
  if (typeof value === 'object' && value !== null) {
    const limit = value as Partial<AdaptiveConcurrencyLimit>;
    if (typeof limit.onSample === 'function' && typeof limit.limit === 'number') {
      return limit as AdaptiveConcurrencyLimit;
    }
  }
  if (typeof value !== 'number') {
    throw new InvalidOptionError(
      'loadShedder.limit',
      'a whole number >= 1 or an AdaptiveConcurrencyLimit',
      value,
    );
  }
  return new FixedLimit(requireNumber('loadShedder.limit', value, { min: 1, integer: true }));
}

/**
 * Validates a per-priority option merged over `defaults` (core, normal, background;
 * `Infinity` = never), whose values must not favour a lower priority over a higher one.
 * When one side of a conflict is a default, the error says so and how to fix it.
 */
function perPriority(
  option: string,
  given: Partial<Readonly<Record<Priority, number>>> | undefined,
  defaults: readonly [number, number, number],
  rule: { above?: number; max?: number },
): Float64Array {
  const values = Float64Array.from(defaults);
  const defaulted = [true, true, true];
  if (given !== undefined) {
    if (typeof given !== 'object' || given === null) {
      throw new InvalidOptionError(option, 'an object keyed by priority', given);
    }
    for (const [key, value] of Object.entries(given)) {
      const p = indexOf(requirePriority(`${option} key`, key));
      if (value === undefined) continue;
      values[p] = requireNumber(`${option}.${key}`, value, rule);
      defaulted[p] = false;
    }
  }
  for (let p = 1; p < 3; p++) {
    const value = values[p] ?? 0;
    const above = values[p - 1] ?? 0;
    if (value > above) {
      const higher = priorities[p - 1];
      const lower = priorities[p];
      let hint: string | undefined;
      if (defaulted[p - 1]) {
        hint = `${higher} keeps its default (${above}) when left out: set ${option}.${higher} too, to ${value} or more`;
      } else if (defaulted[p]) {
        hint = `${lower} keeps its default (${value}) when left out: set ${option}.${lower} too, to ${above} or less`;
      }
      throw new InvalidOptionError(
        `${option}.${lower}`,
        `<= ${option}.${higher} (${above}): a lower priority cannot get more`,
        value,
        hint,
      );
    }
  }
  return values;
}
