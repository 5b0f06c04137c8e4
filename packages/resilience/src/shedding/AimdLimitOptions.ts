import type { Clock } from '../clock/Clock.js';

/**
 * Settings of an {@link AimdLimit}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { AimdLimit, type AimdLimitOptions, ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const options: AimdLimitOptions = {
 *   name: 'doc:AimdLimitOptions',
 *   initialLimit: 20,
 *   minLimit: 5,
 *   maxLimit: 100,
 *   backoffRatio: 0.5, // halve on a drop
 *   timeoutMs: 1_000, // a request slower than 1 s counts as dropped
 *   clock,
 * };
 * const limit = new AimdLimit(options);
 * limit.onSample(1_500, 10, false); // too slow: 20 -> 10
 * limit.onSample(1_500, 10, false); // admitted before that decrease: ignored
 * assert.equal(limit.limit, 10);
 * clock.advance(2_000);
 * limit.onSample(100, 10, true); // a new drop: 10 -> 5, the floor
 * limit.onSample(100, 10, true);
 * assert.equal(limit.limit, 5);
 * ```
 *
 * @group Load shedding
 */
export interface AimdLimitOptions {
  /** Name in `shedder.limit` events. @default 'aimd' */
  name?: string;
  /** The limit before any sample arrived. @default 20 (clamped to minLimit and maxLimit) */
  initialLimit?: number;
  /** The limit never falls below this. @default 1 */
  minLimit?: number;
  /** The limit never grows above this. @default 1000 */
  maxLimit?: number;
  /**
   * Factor the limit is multiplied by on a drop, in (0, 1). Drops of requests that were
   * already in flight at the last decrease do not decrease it again.
   * @default 0.9
   */
  backoffRatio?: number;
  /** A request slower than this counts as dropped, in ms. @default 5000 */
  timeoutMs?: number;
  /** Source of time. @default systemClock */
  clock?: Clock;
}
