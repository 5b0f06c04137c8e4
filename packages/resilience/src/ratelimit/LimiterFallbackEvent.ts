/**
 * Published as a distributed limiter's `limiter.fallback` event (channel
 * `mallkit:resilience:limiter.fallback`) when Redis stops answering within the deadline
 * (`active: true`) and when a probe finds it answering again (`active: false`).
 */
export interface LimiterFallbackEvent {
  /** The limiter instance's name. */
  name: string;
  /** Whether decisions are now made without Redis. */
  active: boolean;
  /** What decides meanwhile: the local bucket, always admit, or always refuse. */
  mode: 'local' | 'open' | 'closed';
  /** The Redis error or the `TimeoutError` that caused the switch, when `active`. */
  cause?: unknown;
}
