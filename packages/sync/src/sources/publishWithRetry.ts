import { setTimeout as delay } from 'node:timers/promises';
import type { ChangeEvent } from '../changes/ChangeEvent.js';
import { SyncError } from '../errors/SyncError.js';
import type { ChangeSink } from './ChangeSink.js';

/** How {@link publishWithRetry} backs off. @internal */
export interface RetryPolicy {
  retryDelayMs: number;
  maxRetryDelayMs: number;
}

/** What a failed attempt reports. @internal */
export interface PublishFailure {
  error: unknown;
  attempt: number;
  retryInMs: number;
  count: number;
}

/**
 * Publishes `changes`, retrying with exponential backoff until the sink accepts
 * them or `signal` aborts (then it throws a `STOPPED` SyncError). An attempt in
 * flight is always awaited: the sink never sees two of them at once.
 * @internal
 */
export async function publishWithRetry(
  sink: ChangeSink,
  changes: readonly ChangeEvent[],
  policy: RetryPolicy,
  signal: AbortSignal,
  onFailure: (failure: PublishFailure) => void,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (signal.aborted) throw stopped();
    try {
      await sink.publish(changes);
      return;
    } catch (error) {
      const retryInMs = backoff(policy, attempt);
      onFailure({ error, attempt, retryInMs, count: changes.length });
      await sleep(retryInMs, signal);
    }
  }
}

/** The wait before attempt `attempt + 1`: `retryDelayMs` doubled per attempt, at most `maxRetryDelayMs`. @internal */
export function backoff(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxRetryDelayMs, policy.retryDelayMs * 2 ** Math.min(attempt - 1, 20));
}

/** Waits `ms` without keeping the process alive; throws `STOPPED` when `signal` aborts. @internal */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal, ref: false });
  } catch {
    throw stopped();
  }
}

function stopped(): SyncError {
  return new SyncError('STOPPED', 'the source was stopped');
}
