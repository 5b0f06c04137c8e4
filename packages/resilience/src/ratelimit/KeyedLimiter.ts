import { LRUCache } from 'lru-cache';
import { type Clock, systemClock } from '../clock/Clock.js';
import { InvalidOptionError } from '../errors/InvalidOptionError.js';
import { EventHub } from '../observability/EventHub.js';
import { requireNumber } from '../options/requireNumber.js';
import { allowedDecision } from './allowedDecision.js';
import { invalidPermits } from './invalidPermits.js';
import type { KeyedLimiterOptions } from './KeyedLimiterOptions.js';
import type { KeyedLimiterStats } from './KeyedLimiterStats.js';
import type { LimiterEvents } from './LimiterEvents.js';
import type { Meter } from './meter/Meter.js';
import { type MeterFactory, meterFactory } from './meter/meterFactory.js';
import { publishDecision } from './publishDecision.js';
import { markPublishesRejections } from './publishesRejections.js';
import type { LimitDecision, RateLimiter } from './RateLimiter.js';

/**
 * One limit per key — per user, per SKU, per IP — in bounded memory: hot-parameter
 * limiting. Each key gets its own token bucket or sliding window on first use; keys may
 * have overrides; past `maxKeys` the least recently used key is forgotten. Decisions
 * are synchronous, and admitting a request for a known key allocates nothing.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { KeyedLimiter, ManualClock, RateLimitedError } from '@mallkit/resilience';
 *
 * const perSku = new KeyedLimiter({
 *   name: 'doc:KeyedLimiter',
 *   limit: { ratePerSecond: 20, burst: 40 },
 *   overrides: { 'sku-flash-sale': { ratePerSecond: 2000, burst: 500 } },
 *   maxKeys: 50_000,
 *   clock: new ManualClock(), // the system clock by default
 * });
 *
 * function addToCart(sku: string): void {
 *   const decision = perSku.acquire(1, sku);
 *   if (!decision.allowed) throw new RateLimitedError(perSku.name, decision.retryAfterMs, sku);
 *   // … add it
 * }
 * for (let i = 0; i < 40; i++) addToCart('sku-1');
 * assert.throws(() => addToCart('sku-1'), (e) => e instanceof RateLimitedError && e.key === 'sku-1');
 * for (let i = 0; i < 500; i++) addToCart('sku-flash-sale'); // its own, larger limit
 * assert.deepEqual([perSku.stats().allowed, perSku.stats().keys], [540, 2]);
 * ```
 *
 * @group Rate limiting
 */
export class KeyedLimiter implements RateLimiter {
  /** The limiter's name, as it appears in events and errors. */
  readonly name: string;
  /** `rejected` (with `key`) on every refusal, `limiter.decision` on every decision. */
  readonly events = new EventHub<LimiterEvents>();
  readonly #clock: Clock;
  readonly #maxKeys: number;
  readonly #newMeter: MeterFactory;
  readonly #overrides: Map<string, MeterFactory>;
  readonly #meters: LRUCache<string, Meter>;
  #evictions = 0;
  #allowed = 0;
  #refused = 0;

  /** @param options - limits, bound, name and clock; invalid values throw {@link InvalidOptionError} */
  constructor(options: KeyedLimiterOptions) {
    this.#newMeter = meterFactory('keyedLimiter.limit', options?.limit);
    this.#overrides = new Map();
    const overrides = options.overrides ?? {};
    if (typeof overrides !== 'object' || overrides === null)
      throw new InvalidOptionError('keyedLimiter.overrides', 'an object of limits', overrides);
    for (const [key, limit] of Object.entries(overrides))
      this.#overrides.set(
        key,
        meterFactory(`keyedLimiter.overrides[${JSON.stringify(key)}]`, limit),
      );
    this.#maxKeys = requireNumber('keyedLimiter.maxKeys', options.maxKeys ?? 10_000, {
      min: 1,
      integer: true,
    });
    this.name = options.name ?? 'keyed';
    this.#clock = options.clock ?? systemClock;
    this.#meters = new LRUCache<string, Meter>({
      max: this.#maxKeys,
      dispose: (_meter, _key, reason) => {
        if (reason === 'evict') this.#evictions++;
      },
    });
    markPublishesRejections(this);
  }

  /**
   * Takes `permits` for `key` when they are available now. Synchronous.
   * @param permits - in `(0, capacity of the key's limit]`; more throws a `RangeError`
   * @param key - required: a missing key throws a `TypeError` (a
   * {@link DependencyPolicy} call without `limitKey` rejects with an
   * {@link InvalidOptionError} instead)
   */
  acquire(permits = 1, key?: string): LimitDecision {
    const wait = this.#decide(permits, key);
    return wait === 0 ? allowedDecision : { allowed: false, retryAfterMs: wait };
  }

  /** Takes `permits` for `key` when they are available now; whether they were taken. */
  tryAcquire(key: string, permits = 1): boolean {
    return this.#decide(permits, key) === 0;
  }

  /**
   * How long until `permits` could be taken for `key`, in whole ms (rounded up); `0`
   * when now. Takes nothing.
   */
  retryAfterMs(key: string, permits = 1): number {
    const meter = this.#meters.get(key);
    if (meter === undefined) {
      const capacity = this.#factoryOf(key)().capacity;
      if (!(permits > 0 && permits <= capacity)) throw invalidPermits(this.name, permits, capacity);
      return 0;
    }
    if (!(permits > 0 && permits <= meter.capacity))
      throw invalidPermits(this.name, permits, meter.capacity);
    return Math.ceil(meter.wait(permits, this.#clock.now()));
  }

  /** Counters, keys tracked and evictions. */
  stats(): KeyedLimiterStats {
    return {
      name: this.name,
      allowed: this.#allowed,
      refused: this.#refused,
      keys: this.#meters.size,
      maxKeys: this.#maxKeys,
      evictions: this.#evictions,
    };
  }

  #decide(permits: number, key: string | undefined): number {
    if (typeof key !== 'string')
      throw new TypeError(`keyed rate limiter "${this.name}" needs a string key; got ${key}`);
    let meter = this.#meters.get(key);
    if (meter === undefined) {
      meter = this.#factoryOf(key)();
      this.#meters.set(key, meter);
    }
    if (!(permits > 0 && permits <= meter.capacity))
      throw invalidPermits(this.name, permits, meter.capacity);
    const wait = Math.ceil(meter.take(permits, this.#clock.now()));
    if (wait === 0) this.#allowed++;
    else this.#refused++;
    publishDecision(this.events, this.name, permits, wait, key, false);
    return wait;
  }

  #factoryOf(key: string): MeterFactory {
    return this.#overrides.get(key) ?? this.#newMeter;
  }
}
