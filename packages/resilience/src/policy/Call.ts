import type { IBackoff, IRetryBackoffContext } from 'cockatiel';
import { BulkheadRejectedError } from '../errors/BulkheadRejectedError.js';
import { TimeoutError } from '../errors/TimeoutError.js';
import { Attempt, type AttemptOwner } from './Attempt.js';
import type { AttemptContext } from './AttemptContext.js';
import type { CallOptions } from './CallOptions.js';
import { isThenable } from './isThenable.js';
import type { PolicyCore } from './PolicyCore.js';
import { retryDelay } from './retryDelay.js';

const neverAborted = new AbortController().signal;

/**
 * One call through a {@link DependencyPolicy}, driven by callbacks rather than
 * `async`/`await` so that a successful call costs one promise: breaker → bulkhead →
 * attempt (deadline, caller's signal) → outcome → retry or settle.
 */
export class Call<T> implements AttemptOwner {
  readonly #core: PolicyCore;
  readonly #fn: (context: AttemptContext) => PromiseLike<T> | T;
  readonly #options: CallOptions | undefined;
  readonly #resolve: (value: T) => void;
  readonly #reject: (reason: unknown) => void;
  #attempts = 0;
  #probe = false;
  #backoff: IBackoff<IRetryBackoffContext<unknown>> | undefined;
  #unlisten: (() => void) | undefined;

  constructor(
    core: PolicyCore,
    fn: (context: AttemptContext) => PromiseLike<T> | T,
    options: CallOptions | undefined,
    resolve: (value: T) => void,
    reject: (reason: unknown) => void,
  ) {
    this.#core = core;
    this.#fn = fn;
    this.#options = options;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  /** Passes the breaker and the bulkhead, then runs an attempt. */
  start(): void {
    const { breaker, bulkhead, counters } = this.#core;
    if (breaker) {
      try {
        this.#probe = breaker.enter();
      } catch (error) {
        counters.rejected.circuit++;
        this.#reject(this.#core.rejection('breaker', error as Error & { code: string }));
        return;
      }
    }
    if (bulkhead && !bulkhead.tryEnter()) {
      if (!bulkhead.canQueue()) {
        breaker?.abandon(this.#probe);
        counters.rejected.bulkhead++;
        const error = new BulkheadRejectedError(
          this.#core.name,
          bulkhead.concurrency,
          bulkhead.queued,
        );
        this.#reject(this.#core.rejection('bulkhead', error));
        return;
      }
      bulkhead.wait(this.#options?.signal).then(
        () => this.#run(),
        (error: unknown) => {
          breaker?.abandon(this.#probe);
          this.#reject(error);
        },
      );
      return;
    }
    this.#run();
  }

  succeeded(attempt: Attempt, value: unknown): void {
    if (!attempt.settle()) return;
    this.#release();
    this.#core.breaker?.success(this.#probe);
    this.#core.counters.successes++;
    this.#resolve(value as T);
  }

  failed(attempt: Attempt, reason: unknown): void {
    if (!attempt.settle(reason)) return;
    this.#release();
    const { breaker, retry, counters, events } = this.#core;
    const signal = this.#options?.signal;
    if (signal?.aborted && reason === signal.reason) {
      breaker?.abandon(this.#probe);
      this.#reject(reason);
      return;
    }
    breaker?.failure(this.#probe, reason);
    if (
      retry === undefined ||
      this.#attempts >= retry.maxAttempts ||
      !(this.#options?.idempotent ?? retry.idempotentByDefault) ||
      !retry.retryOn(reason)
    ) {
      counters.failures++;
      this.#reject(reason);
      return;
    }
    const context = {
      attempt: this.#attempts,
      result: { error: reason },
      signal: signal ?? neverAborted,
    };
    this.#backoff = this.#backoff ? this.#backoff.next(context) : retry.backoff.next(context);
    counters.retries++;
    if (events.wants('policy.retry')) {
      events.emit('policy.retry', {
        name: this.#core.name,
        attempt: this.#attempts,
        delayMs: this.#backoff.duration,
        error: reason,
      });
    }
    retryDelay(this.#backoff.duration, signal).then(
      () => this.start(),
      (error: unknown) => this.#reject(error),
    );
  }

  /** The attempt's deadline passed: `policy.timeout` and `rejected` events, then a failure. */
  expired(attempt: Attempt): void {
    const { counters, events, name, timeoutMs } = this.#core;
    counters.timeouts++;
    if (events.wants('policy.timeout')) {
      events.emit('policy.timeout', { name, timeoutMs, attempt: attempt.attempt });
    }
    this.failed(attempt, this.#core.rejection('timeout', new TimeoutError(name, timeoutMs)));
  }

  #run(): void {
    const attempt = new Attempt(++this.#attempts, this);
    let result: PromiseLike<T> | T;
    try {
      result = this.#fn(attempt);
    } catch (error) {
      this.failed(attempt, error);
      return;
    }
    if (!isThenable(result)) {
      this.succeeded(attempt, result);
      return;
    }
    const signal = this.#options?.signal;
    if (signal) {
      if (signal.aborted) {
        this.failed(attempt, signal.reason);
        return;
      }
      const onAbort = () => this.failed(attempt, signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.#unlisten = () => signal.removeEventListener('abort', onAbort);
    }
    this.#core.deadlines?.add(attempt);
    result.then(
      (value) => this.succeeded(attempt, value),
      (error: unknown) => this.failed(attempt, error),
    );
  }

  /** Gives back what the attempt held: its caller-signal listener, deadline and slot. */
  #release(): void {
    if (this.#unlisten) {
      this.#unlisten();
      this.#unlisten = undefined;
    }
    this.#core.deadlines?.trim();
    this.#core.bulkhead?.leave();
  }
}
