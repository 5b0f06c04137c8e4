/**
 * Names of the `diagnostics_channel` channels @mallkit/resilience publishes on. Every
 * instance of every component publishes on the same channels; payloads carry the
 * instance's `name`.
 *
 * @example
 * ```ts
 * import diagnostics from 'node:diagnostics_channel';
 * import { channels, type RejectionEvent } from '@mallkit/resilience';
 *
 * diagnostics.subscribe(channels.rejected, (message) => {
 *   const event = message as RejectionEvent;
 *   console.log(`${event.source} "${event.name}" rejected with ${event.code}`);
 * });
 * ```
 */
export const channels = {
  /** {@link RejectionEvent}: any component refused a call. */
  rejected: 'mallkit:resilience:rejected',
  /** A circuit breaker changed state. */
  breakerState: 'mallkit:resilience:breaker.state',
  /** A call exceeded its deadline. */
  timeout: 'mallkit:resilience:policy.timeout',
  /** A failed attempt is being retried. */
  retry: 'mallkit:resilience:policy.retry',
  /** A rate limiter decided (admitted or refused) a request. */
  limiterDecision: 'mallkit:resilience:limiter.decision',
  /** A distributed limiter switched to or from its local fallback. */
  limiterFallback: 'mallkit:resilience:limiter.fallback',
  /** An adaptive concurrency limit moved. */
  limitChanged: 'mallkit:resilience:shedder.limit',
  /** A degradation switch was flipped, here or on another node. */
  switchChanged: 'mallkit:resilience:switch.changed',
} as const;
