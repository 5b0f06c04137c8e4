import type { Clock } from '../clock/Clock.js';
import type { RateLimiter } from '../ratelimit/RateLimiter.js';
import type { BulkheadOptions } from './BulkheadOptions.js';
import type { CircuitBreakerOptions } from './CircuitBreakerOptions.js';
import type { PolicyPreset } from './policyPresets.js';
import type { RetryOptions } from './RetryOptions.js';

/**
 * Everything a {@link DependencyPolicy} does around a call to one dependency. Start from
 * a preset for the kind of dependency and override what differs; `false` turns a
 * layer off.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   DependencyPolicy,
 *   type DependencyPolicyOptions,
 *   ManualClock,
 *   TokenBucket,
 * } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const options: DependencyPolicyOptions = {
 *   name: 'doc:DependencyPolicyOptions:mysql',
 *   preset: 'database', // 800 ms deadline, sampling breaker, 32 running + 64 queued
 *   timeoutMs: 300, // this database answers in a few ms
 *   bulkhead: { concurrency: 10 }, // the pool's size; the preset's queue of 64 stays
 *   retry: false, // the policy guards writes
 *   limiter: new TokenBucket({ ratePerSecond: 100, burst: 2, clock }),
 *   clock,
 * };
 * const orders = new DependencyPolicy(options);
 * const placed = await Promise.allSettled(
 *   [1, 2, 3].map((n) => orders.execute(() => `order ${n}`)),
 * );
 * assert.deepEqual(
 *   placed.map((result) => result.status),
 *   ['fulfilled', 'fulfilled', 'rejected'], // the burst of 2 is spent
 * );
 * assert.equal(orders.stats().rejected.limiter, 1);
 * ```
 *
 * @group Dependency policy
 */
export interface DependencyPolicyOptions {
  /** The dependency's name, in errors, events and stats (e.g. `'redis-products'`). */
  name: string;
  /**
   * Defaults for a kind of dependency (see {@link policyPresets}): `'redis'` (tens of
   * ms), `'database'` (hundreds of ms), `'http'` (seconds) or `'none'` (every layer
   * at its own default).
   * @default 'none'
   */
  preset?: PolicyPreset;
  /**
   * Deadline of each attempt, in ms. At the deadline the caller gets a
   * {@link TimeoutError}, the attempt's signal aborts, and its bulkhead slot is free
   * again — whether or not the guarded function stops. `Infinity` turns it off.
   * @default the preset's, or 1000
   */
  timeoutMs?: number;
  /**
   * The circuit breaker, or `false` for none. Merged over the preset's breaker; with a
   * `kind` other than the preset's, the preset's settings of its own kind
   * (`threshold`, `samplingDurationMs`, `minimumRps`, `size`, `minimumCalls`) are not
   * inherited, and the given kind starts from its own defaults.
   * @default the preset's, or a consecutive breaker of 5 failures, half-open after 5 s
   */
  breaker?: CircuitBreakerOptions | false;
  /**
   * Retrying, or `false` for none.
   * @default the preset's, or 2 attempts for idempotent calls
   */
  retry?: RetryOptions | false;
  /**
   * Concurrency limit, or `false` for none.
   * @default the preset's, or 64 running, none queued
   */
  bulkhead?: BulkheadOptions | false;
  /**
   * A rate limiter asked before every call (not before retries), e.g. a
   * {@link TokenBucket} or a {@link DistributedRateLimiter}. With a
   * {@link KeyedLimiter}, every call needs a `limitKey` (see {@link CallOptions}).
   * @default none
   */
  limiter?: RateLimiter;
  /**
   * Time source of the breaker and deadlines.
   * @default {@link systemClock}
   */
  clock?: Clock;
}
