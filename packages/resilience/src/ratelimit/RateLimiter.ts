/**
 * The answer of a {@link RateLimiter} to one request.
 *
 * Admissions are the common case, so every limiter answers them with the same frozen
 * {@link allowedDecision} object; only refusals allocate.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type LimitDecision, ManualClock, TokenBucket } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const api = new TokenBucket({ name: 'doc:LimitDecision', ratePerSecond: 4, burst: 1, clock });
 *
 * // The `Retry-After` header (whole seconds) of a refused request.
 * function retryAfter(decision: LimitDecision): string | undefined {
 *   return decision.allowed ? undefined : String(Math.ceil(decision.retryAfterMs / 1000));
 * }
 * assert.equal(retryAfter(api.acquire()), undefined);
 * const refused = api.acquire();
 * assert.deepEqual(refused, { allowed: false, retryAfterMs: 250 }); // one token every 250 ms
 * assert.equal(retryAfter(refused), '1');
 * ```
 *
 * @group Rate limiting
 */
export interface LimitDecision {
  /** Whether the request may go ahead. */
  readonly allowed: boolean;
  /**
   * When the same request could be admitted, in ms from now: a whole number, rounded
   * up from the exact wait (never too early); `0` when allowed. For a `Retry-After`
   * header in seconds, divide by 1000 and round up.
   */
  readonly retryAfterMs: number;
}

/**
 * What every rate limiter of this package implements, and what a dependency policy
 * calls on each request.
 *
 * Local limiters ({@link TokenBucket}, {@link SlidingWindow}, {@link KeyedLimiter})
 * answer synchronously, so a caller can skip the `await`:
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { KeyedLimiter, ManualClock, RateLimitedError, type RateLimiter } from '@mallkit/resilience';
 *
 * async function guarded<T>(limiter: RateLimiter, userId: string, work: () => Promise<T>): Promise<T> {
 *   const pending = limiter.acquire(1, userId);
 *   const decision = pending instanceof Promise ? await pending : pending;
 *   if (!decision.allowed) throw new RateLimitedError(limiter.name, decision.retryAfterMs, userId);
 *   return work();
 * }
 *
 * const clock = new ManualClock();
 * const perUser = new KeyedLimiter({ name: 'doc:RateLimiter', limit: { ratePerSecond: 1 }, clock });
 * const search = async () => ['sku-1', 'sku-2'];
 * assert.deepEqual(await guarded(perUser, 'user-1', search), ['sku-1', 'sku-2']);
 * await assert.rejects(
 *   guarded(perUser, 'user-1', search),
 *   (e) => e instanceof RateLimitedError && e.key === 'user-1' && e.retryAfterMs === 1000,
 * );
 * assert.deepEqual(await guarded(perUser, 'user-2', search), ['sku-1', 'sku-2']); // its own limit
 * ```
 *
 * @group Rate limiting
 */
export interface RateLimiter {
  /** The limiter's name, as it appears in events and errors. */
  readonly name: string;
  /**
   * Takes `permits` (default 1) for `key` when they are available now, and says so.
   * Never waits for permits: a refusal carries `retryAfterMs` instead. Limiters that
   * are not keyed ignore `key`.
   */
  acquire(permits?: number, key?: string): LimitDecision | Promise<LimitDecision>;
}
