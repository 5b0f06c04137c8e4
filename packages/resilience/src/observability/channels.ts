/**
 * Names of the `diagnostics_channel` channels @mallkit/resilience publishes on. Every
 * instance of every component publishes on the same channels; payloads carry the
 * instance's `name`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import diagnostics from 'node:diagnostics_channel';
 * import { channels, DependencyPolicy, type RejectionEvent } from '@mallkit/resilience';
 *
 * // One subscriber sees every component in the process, without references to them.
 * const seen: string[] = [];
 * const onRejected = (message: unknown) => {
 *   const event = message as RejectionEvent;
 *   seen.push(`${event.source} "${event.name}" rejected with ${event.code}`);
 * };
 * diagnostics.subscribe(channels.rejected, onRejected);
 *
 * const policy = new DependencyPolicy({ name: 'doc:channels' });
 * const release = policy.breaker?.isolate();
 * await policy.execute(() => 'not attempted').catch(() => {});
 * release?.();
 * diagnostics.unsubscribe(channels.rejected, onRejected);
 * assert.deepEqual(seen, ['breaker "doc:channels" rejected with CIRCUIT_OPEN']);
 * ```
 *
 * @group Events and diagnostics
 */
export const channels = {
  /**
   * {@link RejectionEvent}: any component refused a call, or a policy's attempt timed
   * out. Each refusal is published once.
   */
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
