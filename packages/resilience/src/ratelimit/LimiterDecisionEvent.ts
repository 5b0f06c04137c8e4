/**
 * Published as a limiter's `limiter.decision` event (channel
 * `mallkit:resilience:limiter.decision`) for every request it decides. Built only when
 * someone listens.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { KeyedLimiter, type LimiterDecisionEvent, ManualClock } from '@mallkit/resilience';
 *
 * const name = 'doc:LimiterDecisionEvent';
 * const perUser = new KeyedLimiter({ name, limit: { ratePerSecond: 1 }, clock: new ManualClock() });
 * const decisions: LimiterDecisionEvent[] = [];
 * const stop = perUser.events.on('limiter.decision', (e) => decisions.push(e)); // e.g. to sample them
 * perUser.acquire(1, 'user-1');
 * perUser.acquire(1, 'user-1');
 * stop();
 * assert.deepEqual(decisions, [
 *   { name, allowed: true, permits: 1, retryAfterMs: 0, fallback: false, key: 'user-1' },
 *   { name, allowed: false, permits: 1, retryAfterMs: 1000, fallback: false, key: 'user-1' },
 * ]);
 * ```
 *
 * @group Rate limiting
 */
export interface LimiterDecisionEvent {
  /** The limiter instance's name. */
  name: string;
  /** Whether the request was admitted. */
  allowed: boolean;
  /** Permits the request asked for. */
  permits: number;
  /** When the request could be admitted, in whole ms from now (rounded up); `0` when allowed. */
  retryAfterMs: number;
  /** Whether a distributed limiter's local fallback decided (Redis was unavailable). */
  fallback: boolean;
  /** The limited key, for keyed limiters. */
  key?: string;
}
