import {
  CircuitState,
  ConstantBackoff,
  type IBackoff,
  type IBackoffFactory,
  type IBreaker,
  type IHalfOpenAfterBackoffContext,
} from 'cockatiel';
import type { Clock } from '../clock/Clock.js';
import { BrokenCircuitError } from '../errors/BrokenCircuitError.js';
import { requireNumber } from '../options/requireNumber.js';
import type { CircuitBreakerOptions } from './CircuitBreakerOptions.js';
import { makeBreaker } from './makeBreaker.js';

/**
 * A change of a circuit's state, as reported to {@link CircuitBreaker}'s listener.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type BreakerTransition, CircuitBreaker, ManualClock } from '@mallkit/resilience';
 *
 * const transitions: BreakerTransition[] = [];
 * const breaker = new CircuitBreaker(
 *   'doc:BreakerTransition',
 *   { threshold: 1 },
 *   new ManualClock(),
 *   (transition) => transitions.push(transition),
 * );
 * const cause = new Error('connect ECONNREFUSED');
 * breaker.failure(breaker.enter(), cause);
 * const [opened] = transitions;
 * assert.equal(opened?.to, breaker.state); // from/to are cockatiel `CircuitState` values
 * assert.equal(opened?.cause, cause); // the failure that opened it
 *
 * const release = breaker.isolate(); // held open by hand, e.g. for maintenance
 * release(); // closed again
 * assert.equal(transitions.length, 3);
 * assert.equal(transitions.at(-1)?.to, opened?.from);
 * ```
 *
 * @group Dependency policy
 */
export interface BreakerTransition {
  /** The state before. */
  from: CircuitState;
  /** The state now. */
  to: CircuitState;
  /** The failure that opened the circuit, when `to` is `Open`. */
  cause?: unknown;
}

const never: IHalfOpenAfterBackoffContext = {
  attempt: 0,
  result: { error: undefined },
  signal: new AbortController().signal,
};

/**
 * The circuit of one dependency: closed (calls pass, outcomes are counted by a
 * cockatiel breaker), open (calls fail fast with {@link BrokenCircuitError}), half-open
 * (a few probes pass; their outcome closes or reopens it), or isolated by hand.
 *
 * Time comes from a {@link Clock}, so the schedule can be tested without waiting.
 * Used by {@link DependencyPolicy}; usable on its own around any call.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { BrokenCircuitError, CircuitBreaker, ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const options = { threshold: 2, halfOpenAfterMs: 1000 };
 * const breaker = new CircuitBreaker('doc:CircuitBreaker', options, clock);
 *
 * // Around any call: enter (throws while open), then report the outcome.
 * async function guarded<T>(call: () => Promise<T>): Promise<T> {
 *   const probe = breaker.enter();
 *   try {
 *     const value = await call();
 *     breaker.success(probe);
 *     return value;
 *   } catch (error) {
 *     breaker.failure(probe, error);
 *     throw error;
 *   }
 * }
 * const down = () => Promise.reject(new Error('503 from search'));
 * await assert.rejects(guarded(down));
 * await assert.rejects(guarded(down)); // the second failure in a row opens the circuit
 * assert.equal(breaker.openings, 1);
 * await assert.rejects(guarded(() => Promise.resolve('hits')), BrokenCircuitError); // fails fast
 * clock.advance(1000);
 * assert.equal(await guarded(() => Promise.resolve('hits')), 'hits'); // the probe closes it
 * ```
 *
 * @group Dependency policy
 */
export class CircuitBreaker {
  readonly #name: string;
  readonly #breaker: IBreaker;
  readonly #halfOpenAfter: IBackoffFactory<IHalfOpenAfterBackoffContext>;
  readonly #probes: number;
  readonly #clock: Clock;
  readonly #onTransition: (transition: BreakerTransition) => void;
  /** Whether an error counts against the dependency. */
  readonly isFailure: (error: unknown) => boolean;
  #state: CircuitState = CircuitState.Closed;
  #openedAt = 0;
  #backoff: IBackoff<IHalfOpenAfterBackoffContext> | undefined;
  #openings = 0;
  #probesInFlight = 0;
  #probeSuccesses = 0;
  #lastFailure: unknown;
  #isolations = 0;

  /**
   * @param name - the dependency's name, used in errors
   * @param options - see {@link CircuitBreakerOptions}
   * @param clock - the time source
   * @param onTransition - called on every state change
   */
  constructor(
    name: string,
    options: CircuitBreakerOptions,
    clock: Clock,
    onTransition: (transition: BreakerTransition) => void = () => {},
  ) {
    this.#name = name;
    this.#clock = clock;
    this.#onTransition = onTransition;
    this.#breaker = makeBreaker(options);
    const halfOpenAfter = options.halfOpenAfterMs ?? 5000;
    this.#halfOpenAfter =
      typeof halfOpenAfter === 'number'
        ? new ConstantBackoff(requireNumber('breaker.halfOpenAfterMs', halfOpenAfter, { min: 1 }))
        : halfOpenAfter;
    this.#probes = requireNumber('breaker.halfOpenProbes', options.halfOpenProbes ?? 1, {
      min: 1,
      integer: true,
    });
    this.isFailure = options.isFailure ?? (() => true);
  }

  /** The current state (an open circuit past its wait reads as `Open` until a call probes). */
  get state(): CircuitState {
    return this.#state;
  }

  /** How many times the circuit has opened. */
  get openings(): number {
    return this.#openings;
  }

  /**
   * Admits a call or throws {@link BrokenCircuitError}. Returns whether the call is a
   * half-open probe; pass that back to {@link CircuitBreaker.success} or
   * {@link CircuitBreaker.failure}.
   */
  enter(): boolean {
    switch (this.#state) {
      case CircuitState.Closed:
        return false;
      case CircuitState.Open: {
        const waited = this.#clock.now() - this.#openedAt;
        const wait = this.#backoff?.duration ?? 0;
        if (waited < wait)
          throw new BrokenCircuitError(this.#name, wait - waited, this.#lastFailure);
        this.#transition(CircuitState.HalfOpen);
        this.#probesInFlight = 0;
        this.#probeSuccesses = 0;
        return this.#takeProbe();
      }
      case CircuitState.HalfOpen:
        return this.#takeProbe();
      default:
        throw new BrokenCircuitError(this.#name, Number.POSITIVE_INFINITY, 'isolated by hand');
    }
  }

  /** Records a successful call. */
  success(probe: boolean): void {
    if (!probe) {
      if (this.#state === CircuitState.Closed) this.#breaker.success(CircuitState.Closed);
      return;
    }
    if (this.#state !== CircuitState.HalfOpen) return;
    this.#probesInFlight--;
    this.#probeSuccesses++;
    if (this.#probeSuccesses >= this.#probes && this.#probesInFlight === 0) {
      this.#breaker.success(CircuitState.HalfOpen);
      this.#backoff = undefined;
      this.#transition(CircuitState.Closed);
    }
  }

  /** Records a failed call; `error` is checked with `isFailure` first. */
  failure(probe: boolean, error: unknown): void {
    if (!this.isFailure(error)) {
      this.success(probe);
      return;
    }
    this.#lastFailure = error;
    if (probe) {
      if (this.#state !== CircuitState.HalfOpen) return;
      this.#probesInFlight--;
      this.#breaker.failure(CircuitState.HalfOpen);
      this.#open(error);
    } else if (this.#state === CircuitState.Closed && this.#breaker.failure(CircuitState.Closed)) {
      this.#open(error);
    }
  }

  /** A probe ended without an outcome that says anything (cancelled by its caller). */
  abandon(probe: boolean): void {
    if (probe && this.#state === CircuitState.HalfOpen) this.#probesInFlight--;
  }

  /**
   * Holds the circuit open until the returned function is called (e.g. while a
   * dependency is in maintenance). Isolations nest.
   */
  isolate(): () => void {
    this.#isolations++;
    if (this.#state !== CircuitState.Isolated) this.#transition(CircuitState.Isolated);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.#isolations === 0) {
        this.#backoff = undefined;
        this.#transition(CircuitState.Closed);
      }
    };
  }

  #takeProbe(): boolean {
    if (this.#probesInFlight + this.#probeSuccesses >= this.#probes) {
      throw new BrokenCircuitError(this.#name, 0, this.#lastFailure);
    }
    this.#probesInFlight++;
    return true;
  }

  #open(cause: unknown): void {
    this.#openings++;
    this.#openedAt = this.#clock.now();
    const context = { ...never, attempt: this.#openings, result: { error: cause } };
    this.#backoff = this.#backoff ? this.#backoff.next(context) : this.#halfOpenAfter.next(context);
    this.#transition(CircuitState.Open, cause);
  }

  #transition(to: CircuitState, cause?: unknown): void {
    const from = this.#state;
    this.#state = to;
    this.#onTransition(cause === undefined ? { from, to } : { from, to, cause });
  }
}
