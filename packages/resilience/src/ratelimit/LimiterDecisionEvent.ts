/**
 * Published as a limiter's `limiter.decision` event (channel
 * `mallkit:resilience:limiter.decision`) for every request it decides. Built only when
 * someone listens.
 */
export interface LimiterDecisionEvent {
  /** The limiter instance's name. */
  name: string;
  /** Whether the request was admitted. */
  allowed: boolean;
  /** Permits the request asked for. */
  permits: number;
  /** When the request could be admitted, in ms from now; `0` when allowed. */
  retryAfterMs: number;
  /** Whether a distributed limiter's local fallback decided (Redis was unavailable). */
  fallback: boolean;
  /** The limited key, for keyed limiters. */
  key?: string;
}
