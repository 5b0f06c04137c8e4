import type { Clock } from '../clock/Clock.js';
import { EventHub } from '../observability/EventHub.js';
import { allowedDecision } from './allowedDecision.js';
import { invalidPermits } from './invalidPermits.js';
import type { LimiterEvents } from './LimiterEvents.js';
import type { LimiterStats } from './LimiterStats.js';
import type { Meter } from './meter/Meter.js';
import { publishDecision } from './publishDecision.js';
import { markPublishesRejections } from './publishesRejections.js';
import type { LimitDecision, RateLimiter } from './RateLimiter.js';

/**
 * What {@link TokenBucket} and {@link SlidingWindow} share: one in-process limit, decided
 * synchronously, without allocating when a request is admitted.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type LocalRateLimiter, ManualClock, SlidingWindow, TokenBucket } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const limiters: LocalRateLimiter[] = [
 *   new TokenBucket({ name: 'doc:LocalRateLimiter:bucket', ratePerSecond: 10, burst: 2, clock }),
 *   new SlidingWindow({ name: 'doc:LocalRateLimiter:window', limit: 2, windowMs: 1000, clock }),
 * ];
 * for (const limiter of limiters) {
 *   assert.equal(limiter.tryAcquire(2), true); // synchronous: no await
 *   assert.equal(limiter.tryAcquire(), false);
 *   assert.ok(limiter.retryAfterMs() > 0); // asks without taking
 *   assert.equal(limiter.acquire().allowed, false);
 *   assert.throws(() => limiter.tryAcquire(3), RangeError); // more than it could ever grant
 *   assert.deepEqual([limiter.stats().allowed, limiter.stats().refused], [1, 2]);
 * }
 * ```
 *
 * @group Rate limiting
 */
export abstract class LocalRateLimiter implements RateLimiter {
  /** The limiter's name, as it appears in events and errors. */
  readonly name: string;
  /** `rejected` on every refusal, `limiter.decision` on every decision. */
  readonly events = new EventHub<LimiterEvents>();
  readonly #meter: Meter;
  readonly #clock: Clock;
  #allowed = 0;
  #refused = 0;

  /**
   * @internal
   * @param name - the limiter's name
   * @param meter - the algorithm's state
   * @param clock - where time comes from
   */
  protected constructor(name: string, meter: Meter, clock: Clock) {
    this.name = name;
    this.#meter = meter;
    this.#clock = clock;
    markPublishesRejections(this);
  }

  /**
   * Takes `permits` when they are available now.
   * @param permits - in `(0, capacity]`; more throws a `RangeError`
   * @returns whether they were taken
   */
  tryAcquire(permits = 1): boolean {
    return this.#decide(permits) === 0;
  }

  /**
   * Like {@link tryAcquire}, with the time to wait on refusal. Synchronous; `key` is
   * ignored (see {@link KeyedLimiter} for per-key limits).
   */
  acquire(permits = 1, _key?: string): LimitDecision {
    const wait = this.#decide(permits);
    return wait === 0 ? allowedDecision : { allowed: false, retryAfterMs: wait };
  }

  /**
   * How long until `permits` could be taken, in whole ms (rounded up); `0` when they can
   * be now. Takes nothing.
   */
  retryAfterMs(permits = 1): number {
    this.#check(permits);
    return Math.ceil(this.#meter.wait(permits, this.#clock.now()));
  }

  /** Admissions and refusals so far. */
  stats(): LimiterStats {
    return { name: this.name, allowed: this.#allowed, refused: this.#refused };
  }

  /** Permits that could be taken now (may be fractional). */
  protected available(): number {
    return this.#meter.available(this.#clock.now());
  }

  #decide(permits: number): number {
    this.#check(permits);
    const wait = Math.ceil(this.#meter.take(permits, this.#clock.now()));
    if (wait === 0) this.#allowed++;
    else this.#refused++;
    publishDecision(this.events, this.name, permits, wait, undefined, false);
    return wait;
  }

  #check(permits: number): void {
    if (!(permits > 0 && permits <= this.#meter.capacity))
      throw invalidPermits(this.name, permits, this.#meter.capacity);
  }
}
