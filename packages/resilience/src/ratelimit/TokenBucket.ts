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
 * import { RateLimitedError, TokenBucket } from '@mallkit/resilience';
 *
 * const search = new TokenBucket({ name: 'search', ratePerSecond: 200, burst: 50 });
 *
 * function handle(): void {
 *   const decision = search.acquire();
 *   if (!decision.allowed) throw new RateLimitedError(search.name, decision.retryAfterMs);
 *   // … serve the search
 * }
 * handle();
 * ```
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
