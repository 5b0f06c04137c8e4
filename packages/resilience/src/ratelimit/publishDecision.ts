import type { LimiterEvents } from './LimiterEvents.js';

/** The part of an `EventHub` a decision is published on; any hub of limiter events. */
interface DecisionHub {
  wants(name: keyof LimiterEvents): boolean;
  emit<K extends keyof LimiterEvents>(name: K, event: LimiterEvents[K]): void;
}

/**
 * Emits a decision on `hub`: `limiter.decision` always, `rejected` for a refusal
 * (`retryAfterMs > 0`). Builds no event object when nobody listens.
 */
export function publishDecision(
  hub: DecisionHub,
  name: string,
  permits: number,
  retryAfterMs: number,
  key: string | undefined,
  fallback: boolean,
): void {
  const allowed = retryAfterMs === 0;
  if (!allowed && hub.wants('rejected')) {
    hub.emit(
      'rejected',
      key === undefined
        ? { source: 'limiter', name, code: 'RATE_LIMITED' }
        : { source: 'limiter', name, code: 'RATE_LIMITED', key },
    );
  }
  if (hub.wants('limiter.decision')) {
    hub.emit(
      'limiter.decision',
      key === undefined
        ? { name, allowed, permits, retryAfterMs, fallback }
        : { name, allowed, permits, retryAfterMs, fallback, key },
    );
  }
}
