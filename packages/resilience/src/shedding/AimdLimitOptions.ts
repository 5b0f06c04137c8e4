import type { Clock } from '../clock/Clock.js';

/** Settings of an {@link AimdLimit}. */
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
