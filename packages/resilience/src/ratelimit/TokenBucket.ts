import { systemClock } from '../clock/Clock.js';
import { LocalRateLimiter } from './LocalRateLimiter.js';
import { tokenBucketParams } from './meter/meterFactory.js';
import { TokenBucketMeter } from './meter/TokenBucketMeter.js';
import type { TokenBucketOptions } from './TokenBucketOptions.js';
import type { TokenBucketStats } from './TokenBucketStats.js';

/**
 * An in-process token bucket: `ratePerSecond` on average, up to `burst` at once. Refill
 * is computed lazily from the clock (no timer), state is one number, and admitting a
 * request allocates nothing.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { ManualClock, RateLimitedError, TokenBucket } from '@mallkit/resilience';
 *
 * const clock = new ManualClock(); // the system clock by default
 * const search = new TokenBucket({ name: 'doc:TokenBucket', ratePerSecond: 200, burst: 50, clock });
 *
 * function handle(): string {
 *   const decision = search.acquire();
 *   if (!decision.allowed) throw new RateLimitedError(search.name, decision.retryAfterMs);
 *   return 'results'; // … serve the search
 * }
 * for (let i = 0; i < 50; i++) assert.equal(handle(), 'results'); // a burst of 50 at once
 * assert.throws(handle, (e) => e instanceof RateLimitedError && e.retryAfterMs === 5);
 * clock.advance(5); // then one every 5 ms
 * assert.equal(handle(), 'results');
 * ```
 *
 * @group Rate limiting
 */
export class TokenBucket extends LocalRateLimiter {
  readonly #ratePerSecond: number;
  readonly #burst: number;

  /** @param options - rate, burst, name and clock; invalid values throw {@link InvalidOptionError} */
  constructor(options: TokenBucketOptions) {
    const { intervalMs, capacity } = tokenBucketParams(
      'tokenBucket',
      options?.ratePerSecond,
      options?.burst,
    );
    super(
      options.name ?? 'tokenBucket',
      new TokenBucketMeter(intervalMs, capacity),
      options.clock ?? systemClock,
    );
    this.#ratePerSecond = options.ratePerSecond;
    this.#burst = capacity;
  }

  /** Counters, tokens available now and the configuration. */
  override stats(): TokenBucketStats {
    return {
      ...super.stats(),
      available: this.available(),
      ratePerSecond: this.#ratePerSecond,
      burst: this.#burst,
    };
  }
}
