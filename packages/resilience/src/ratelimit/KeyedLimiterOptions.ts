import type { Clock } from '../clock/Clock.js';
import type { LocalLimit } from './LocalLimit.js';

/** How a {@link KeyedLimiter} limits each key. */
export interface KeyedLimiterOptions {
  /** The limit every key gets unless overridden, e.g. `{ ratePerSecond: 5, burst: 10 }`. Required. */
  limit: LocalLimit;
  /**
   * Keys with a limit of their own, e.g. one hot SKU that may take more (or less)
   * traffic than the others: `{ 'sku-42': { ratePerSecond: 500 } }`.
   * @default {}
   */
  overrides?: Readonly<Record<string, LocalLimit>>;
  /**
   * Most keys tracked at once (integer >= 1). Beyond it the least recently used key is
   * forgotten, which resets its limit: memory stays bounded however many users or SKUs
   * show up. Size it above the keys active within one refill period.
   * @default 10000
   */
  maxKeys?: number;
  /**
   * Name in events, errors and stats.
   * @default 'keyed'
   */
  name?: string;
  /**
   * Where time comes from; a {@link ManualClock} in tests.
   * @default systemClock
   */
  clock?: Clock;
}
