/**
 * An adaptive concurrency limit moved; published as `shedder.limit`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { GradientLimit, type LimitChangedEvent, ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const limit = new GradientLimit({ name: 'doc:LimitChangedEvent', initialLimit: 20, minWindowSamples: 1, smoothing: 1, clock });
 * const changes: LimitChangedEvent[] = [];
 * limit.events.on('shedder.limit', (e) => changes.push(e));
 * clock.advance(1_000); // one window
 * limit.onSample(50, 20, true); // it held a dropped request: the steepest slowdown
 * assert.deepEqual(changes, [{ name: 'doc:LimitChangedEvent', algorithm: 'gradient', limit: 14, previous: 20 }]);
 * ```
 *
 * @group Load shedding
 */
export interface LimitChangedEvent {
  /** The limit instance's name. */
  name: string;
  /** The algorithm that moved it. */
  algorithm: 'aimd' | 'gradient';
  /** The new limit. */
  limit: number;
  /** The limit before the change. */
  previous: number;
}
