import type { RejectionEvent } from '../observability/RejectionEvent.js';
import type { LimiterDecisionEvent } from './LimiterDecisionEvent.js';

/**
 * Events of every rate limiter, by name (see {@link channels} for the channels).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type EventHub, KeyedLimiter, type LimiterEvents, ManualClock, TokenBucket } from '@mallkit/resilience';
 *
 * const refusals: string[] = [];
 * let decided = 0;
 * function watch(events: EventHub<LimiterEvents>): void {
 *   events.on('rejected', (e) => refusals.push(`${e.name} ${e.code} ${e.key ?? '-'}`));
 *   events.on('limiter.decision', () => decided++);
 * }
 * const clock = new ManualClock();
 * const search = new TokenBucket({ name: 'doc:LimiterEvents:search', ratePerSecond: 1, clock });
 * const cart = new KeyedLimiter({ name: 'doc:LimiterEvents:cart', limit: { ratePerSecond: 1 }, clock });
 * watch(search.events);
 * watch(cart.events);
 * search.acquire();
 * search.acquire();
 * cart.acquire(1, 'user-1');
 * cart.acquire(1, 'user-1');
 * assert.deepEqual(refusals, ['doc:LimiterEvents:search RATE_LIMITED -', 'doc:LimiterEvents:cart RATE_LIMITED user-1']);
 * assert.equal(decided, 4);
 * ```
 *
 * @group Rate limiting
 */
export interface LimiterEvents {
  /** A request was refused: `source: 'limiter'`, `code: 'RATE_LIMITED'`. */
  rejected: RejectionEvent;
  /** A request was decided, admitted or refused. */
  'limiter.decision': LimiterDecisionEvent;
}
