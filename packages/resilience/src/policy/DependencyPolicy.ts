import { CircuitState, ExponentialBackoff } from 'cockatiel';
import { type Clock, systemClock } from '../clock/Clock.js';
import { InvalidOptionError } from '../errors/InvalidOptionError.js';
import { RateLimitedError } from '../errors/RateLimitedError.js';
import { EventHub } from '../observability/EventHub.js';
import type { RejectionEvent } from '../observability/RejectionEvent.js';
import { requireNumber } from '../options/requireNumber.js';
import { KeyedLimiter } from '../ratelimit/KeyedLimiter.js';
import { publishesRejections } from '../ratelimit/publishesRejections.js';
import type { LimitDecision, RateLimiter } from '../ratelimit/RateLimiter.js';
import type { Attempt } from './Attempt.js';
import type { AttemptContext } from './AttemptContext.js';
import { Bulkhead } from './Bulkhead.js';
import { Call } from './Call.js';
import type { CallOptions } from './CallOptions.js';
import { type BreakerTransition, CircuitBreaker } from './CircuitBreaker.js';
import { DeadlineQueue } from './DeadlineQueue.js';
import type {
  BreakerStateEvent,
  CircuitStateName,
  DependencyPolicyEvents,
} from './DependencyPolicyEvents.js';
import type { DependencyPolicyOptions } from './DependencyPolicyOptions.js';
import type { DependencyPolicyStats } from './DependencyPolicyStats.js';
import { isThenable } from './isThenable.js';
import { isTransientError } from './isTransientError.js';
import { makeBreaker } from './makeBreaker.js';
import { mergeBreaker } from './mergeBreaker.js';
import { mergeLayer } from './mergeLayer.js';
import { retryDelayHint, thresholdHint, valueSource } from './optionHints.js';
import type { PolicyCore, PolicyCounters, ResolvedRetry } from './PolicyCore.js';
import { policyPresets } from './policyPresets.js';

const stateNames: Record<CircuitState, CircuitStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'halfOpen',
  [CircuitState.Isolated]: 'isolated',
};

/**
 * Guards every call to one dependency (a Redis, a database, an HTTP service) with, from
 * the outside in: rate limiter → retry → circuit breaker → bulkhead → timeout. This
 * order is fixed and tested so nobody has to get it right by hand:
 *
 * - the limiter is asked once per call, not per retry, so retries do not spend the
 *   caller's budget twice;
 * - retries sit outside the breaker, so an open circuit stops them at once, and each
 *   attempt is counted by the breaker;
 * - the bulkhead sits inside the breaker, so a full bulkhead (our own overload) is
 *   never counted as the dependency's failure, and its slot is given back before the
 *   backoff delay;
 * - the timeout is innermost and per attempt; at the deadline the slot is free again
 *   even if the guarded function ignores its signal.
 *
 * The breaker's algorithms and the backoff come from cockatiel; the layers are fused
 * into one function, with one timer per policy for all deadlines and an
 * `AbortSignal` made only when the guarded function reads it, because a stack of
 * separate policies costs about ten microseconds per call (see the package README's
 * benchmark).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type AttemptContext, DependencyPolicy, TokenBucket } from '@mallkit/resilience';
 *
 * const redisPolicy = new DependencyPolicy({
 *   name: 'doc:DependencyPolicy:redis-products',
 *   preset: 'redis',
 *   timeoutMs: 30,
 *   limiter: new TokenBucket({ ratePerSecond: 50_000, burst: 5_000 }),
 * });
 * const changes: string[] = [];
 * redisPolicy.events.on('breaker.state', (e) => changes.push(`${e.name}: ${e.from} -> ${e.to}`));
 *
 * // Stands in for a Redis read that honours the attempt's signal.
 * const products = new Map([['sku-1', '{"name":"Kettle"}']]);
 * async function fetchProduct(sku: string, { signal }: AttemptContext): Promise<string | null> {
 *   signal.throwIfAborted();
 *   return products.get(sku) ?? null;
 * }
 *
 * const detail = await redisPolicy.execute((attempt) => fetchProduct('sku-1', attempt), {
 *   idempotent: true,
 * });
 * assert.equal(detail, '{"name":"Kettle"}');
 * assert.equal(redisPolicy.stats().successes, 1);
 * assert.deepEqual(changes, []); // the circuit stayed closed
 * ```
 *
 * @group Dependency policy
 */
export class DependencyPolicy {
  /** The dependency's name. */
  readonly name: string;
  /** Typed events, mirrored on `diagnostics_channel` (see {@link channels}). */
  readonly events = new EventHub<DependencyPolicyEvents>();
  /** The circuit breaker, when the policy has one (e.g. to `isolate()` it by hand). */
  readonly breaker: CircuitBreaker | undefined;
  readonly #core: PolicyCore;
  readonly #limiter: RateLimiter | undefined;
  /** Whether the limiter is known to publish its own refusals on `channels.rejected`. */
  readonly #limiterPublishes: boolean;
  readonly #counters: PolicyCounters = {
    calls: 0,
    successes: 0,
    failures: 0,
    timeouts: 0,
    retries: 0,
    rejected: { limiter: 0, circuit: 0, bulkhead: 0 },
  };

  /** @param options - see {@link DependencyPolicyOptions} */
  constructor(options: DependencyPolicyOptions) {
    if (typeof options?.name !== 'string' || options.name.length === 0) {
      throw new InvalidOptionError('name', 'a non-empty string', options?.name);
    }
    const preset = policyPresets[options.preset ?? 'none'];
    if (!preset)
      throw new InvalidOptionError(
        'preset',
        "'redis', 'database', 'http' or 'none'",
        options.preset,
      );
    this.name = options.name;
    const clock: Clock = options.clock ?? systemClock;

    const timeoutMs = options.timeoutMs ?? preset.timeoutMs;
    if (timeoutMs !== Number.POSITIVE_INFINITY) requireNumber('timeoutMs', timeoutMs, { min: 1 });
    const presetSource = valueSource(options.preset);
    const breaker = mergeBreaker(preset.breaker, options.breaker);
    if (breaker) {
      const kind = makeBreaker(breaker, thresholdHint(options.breaker, breaker.kind, presetSource));
      this.breaker = new CircuitBreaker(this.name, { ...breaker, kind }, clock, (t) =>
        this.#transition(t),
      );
    } else {
      this.breaker = undefined;
    }
    const bulkhead = mergeLayer(preset.bulkhead, options.bulkhead);
    const retry = mergeLayer(preset.retry, options.retry);
    let resolvedRetry: ResolvedRetry | undefined;
    if (retry) {
      const maxAttempts = requireNumber('retry.maxAttempts', retry.maxAttempts ?? 2, {
        min: 1,
        integer: true,
      });
      const initialDelay = requireNumber('retry.initialDelayMs', retry.initialDelayMs ?? 10, {
        min: 0,
      });
      const maxDelay = requireNumber(
        'retry.maxDelayMs',
        retry.maxDelayMs ?? 1000,
        { min: initialDelay },
        retryDelayHint(options.retry, initialDelay, retry.maxDelayMs ?? 1000, presetSource),
      );
      resolvedRetry = {
        maxAttempts,
        backoff: retry.backoff ?? new ExponentialBackoff({ initialDelay, maxDelay }),
        retryOn: retry.retryOn ?? isTransientError,
        idempotentByDefault: retry.idempotentByDefault ?? false,
      };
    }
    this.#limiter = options.limiter;
    this.#limiterPublishes =
      typeof options.limiter === 'object' &&
      options.limiter !== null &&
      publishesRejections(options.limiter);
    this.#core = {
      name: this.name,
      timeoutMs,
      breaker: this.breaker,
      bulkhead: bulkhead ? new Bulkhead(bulkhead) : undefined,
      retry: resolvedRetry,
      deadlines:
        timeoutMs === Number.POSITIVE_INFINITY
          ? undefined
          : new DeadlineQueue<Attempt>(timeoutMs, clock),
      counters: this.#counters,
      events: this.events,
      rejection: (source, error, key) => this.#rejection(source, error, key),
    };
  }

  /**
   * Runs `fn` under the policy and returns its value, or rejects with its error, a
   * {@link TimeoutError}, {@link BrokenCircuitError}, {@link BulkheadRejectedError}
   * or {@link RateLimitedError}. Never throws: a call without the `limitKey` a
   * {@link KeyedLimiter} needs rejects with an {@link InvalidOptionError} (not counted
   * in {@link DependencyPolicy.stats}), and so does any error the limiter throws.
   */
  execute<T>(
    fn: (context: AttemptContext) => PromiseLike<T> | T,
    options?: CallOptions,
  ): Promise<T> {
    const limiter = this.#limiter;
    if (limiter === undefined) {
      this.#counters.calls++;
      return this.#start(fn, options);
    }
    const key = options?.limitKey;
    let decision: LimitDecision | Promise<LimitDecision>;
    try {
      if (typeof key !== 'string' && limiter instanceof KeyedLimiter) {
        throw new InvalidOptionError(
          'limitKey',
          `a string: the policy's limiter "${limiter.name}" is keyed`,
          key,
        );
      }
      decision = limiter.acquire(1, key);
    } catch (error) {
      return Promise.reject(error);
    }
    this.#counters.calls++;
    if (isThenable(decision)) {
      return decision.then((d) => (d.allowed ? this.#start(fn, options) : this.#limited(d, key)));
    }
    if (!decision.allowed) return this.#limited(decision, key);
    return this.#start(fn, options);
  }

  /** Counters and the circuit's state now. */
  stats(): DependencyPolicyStats {
    return {
      name: this.name,
      state: stateNames[this.breaker?.state ?? CircuitState.Closed],
      calls: this.#counters.calls,
      successes: this.#counters.successes,
      failures: this.#counters.failures,
      timeouts: this.#counters.timeouts,
      retries: this.#counters.retries,
      rejected: { ...this.#counters.rejected },
      openings: this.breaker?.openings ?? 0,
      running: this.#core.bulkhead?.running ?? 0,
      queued: this.#core.bulkhead?.queued ?? 0,
    };
  }

  #start<T>(
    fn: (context: AttemptContext) => PromiseLike<T> | T,
    options: CallOptions | undefined,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      new Call(this.#core, fn, options, resolve, reject).start(),
    );
  }

  #limited<T>(decision: LimitDecision, key: string | undefined): Promise<T> {
    this.#counters.rejected.limiter++;
    const name = this.#limiter?.name ?? this.name;
    const error = new RateLimitedError(name, decision.retryAfterMs, key);
    // A limiter of this package has published the refusal on the channel already.
    return Promise.reject(this.#rejection('limiter', error, key, !this.#limiterPublishes));
  }

  /**
   * Emits the `rejected` event for `error` and returns it.
   * @param channel - whether to publish it on `channels.rejected` too, or to this
   * policy's listeners only
   */
  #rejection<E extends Error & { code: string }>(
    source: RejectionEvent['source'],
    error: E,
    key?: string,
    channel = true,
  ): E {
    if (this.events.wants('rejected', channel)) {
      const event: RejectionEvent = { source, name: this.name, code: error.code };
      if (key !== undefined) event.key = key;
      this.events.emit('rejected', event, channel);
    }
    return error;
  }

  #transition(transition: BreakerTransition): void {
    if (!this.events.wants('breaker.state')) return;
    const event: BreakerStateEvent = {
      name: this.name,
      from: stateNames[transition.from],
      to: stateNames[transition.to],
    };
    if (transition.cause !== undefined) event.cause = transition.cause;
    this.events.emit('breaker.state', event);
  }
}
