/**
 * The answer of a {@link RateLimiter} to one request.
 *
 * Admissions are the common case, so every limiter answers them with the same frozen
 * {@link allowedDecision} object; only refusals allocate.
 */
export interface LimitDecision {
  /** Whether the request may go ahead. */
  readonly allowed: boolean;
  /**
   * When the same request could be admitted, in ms from now (may be fractional);
   * `0` when allowed. Round it up for a `Retry-After` header.
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
 * import { RateLimitedError, type RateLimiter } from '@mallkit/resilience';
 *
 * async function guarded<T>(limiter: RateLimiter, userId: string, work: () => Promise<T>) {
 *   const pending = limiter.acquire(1, userId);
 *   const decision = pending instanceof Promise ? await pending : pending;
 *   if (!decision.allowed) throw new RateLimitedError(limiter.name, decision.retryAfterMs, userId);
 *   return work();
 * }
 * ```
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
