import type { IBackoffFactory, IRetryBackoffContext } from 'cockatiel';

/**
 * When a {@link DependencyPolicy} tries a failed call again.
 *
 * Only errors that `retryOn` accepts are retried, and only for calls that are
 * idempotent: a write that may have been applied before its connection dropped is
 * never sent twice unless the call says it is safe (`execute(fn, { idempotent: true })`).
 */
export interface RetryOptions {
  /**
   * Attempts in all, the first included (1 disables retrying).
   * @default 2
   */
  maxAttempts?: number;
  /**
   * First delay before a retry, in ms; later delays grow exponentially with
   * decorrelated jitter up to `maxDelayMs` (cockatiel's `ExponentialBackoff`).
   * @default 10
   */
  initialDelayMs?: number;
  /**
   * Longest delay between attempts, in ms.
   * @default 1000
   */
  maxDelayMs?: number;
  /**
   * A cockatiel backoff to use instead of `initialDelayMs`/`maxDelayMs`.
   * @default exponential with decorrelated jitter
   */
  backoff?: IBackoffFactory<IRetryBackoffContext<unknown>>;
  /**
   * Which errors are worth another attempt.
   * @default {@link isTransientError}: timeouts, dropped or refused connections, and
   * errors carrying `retryable: true`
   */
  retryOn?: (error: unknown) => boolean;
  /**
   * Whether calls are idempotent unless they say otherwise. Leave it false for
   * policies that guard writes.
   * @default false
   */
  idempotentByDefault?: boolean;
}
