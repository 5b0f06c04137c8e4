import type { Clock } from '../clock/Clock.js';
import type { LocalLimit } from './LocalLimit.js';

/**
 * How a {@link KeyedLimiter} limits each key.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { KeyedLimiter, type KeyedLimiterOptions, ManualClock } from '@mallkit/resilience';
 *
 * const options: KeyedLimiterOptions = {
 *   name: 'doc:KeyedLimiterOptions',
 *   limit: { algorithm: 'slidingWindow', limit: 3, windowMs: 60_000 }, // 3 reviews a minute each
 *   overrides: { moderator: { ratePerSecond: 10 } },
 *   maxKeys: 2, // tiny, to show the eviction
 *   clock: new ManualClock(),
 * };
 * const reviews = new KeyedLimiter(options);
 * for (let i = 0; i < 3; i++) assert.equal(reviews.tryAcquire('user-1'), true);
 * assert.equal(reviews.tryAcquire('user-1'), false);
 * assert.equal(reviews.tryAcquire('moderator', 10), true); // its override
 * assert.equal(reviews.tryAcquire('user-2'), true); // a third key: user-1, least recent, is forgotten…
 * assert.equal(reviews.tryAcquire('user-1'), true); // …so its limit starts over
 * assert.equal(reviews.stats().evictions, 2);
 * ```
 *
 * @group Rate limiting
 */
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
