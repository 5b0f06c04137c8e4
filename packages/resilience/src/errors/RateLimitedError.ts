import { ResilienceError } from './ResilienceError.js';

/** A rate limiter refused the call. `retryAfterMs` says when a token will be free. */
export class RateLimitedError extends ResilienceError {
  /** Name of the limiter that refused. */
  readonly limiter: string;
  /** The limited key (user, SKU…) for a keyed limiter. */
  readonly key: string | undefined;

  /**
   * @param limiter - name of the limiter
   * @param retryAfterMs - when to try again, in ms from now
   * @param key - the limited key, for a keyed limiter
   */
  constructor(limiter: string, retryAfterMs: number, key?: string) {
    super(
      'RATE_LIMITED',
      `rate limit "${limiter}"${key === undefined ? '' : ` for key "${key}"`} exceeded; retry in ${Math.ceil(retryAfterMs)} ms`,
      {
        retryAfterMs,
      },
    );
    this.limiter = limiter;
    this.key = key;
  }
}
