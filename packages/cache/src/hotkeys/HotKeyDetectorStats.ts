/**
 * Counters and sizes of a {@link HotKeyDetector}, from {@link HotKeyDetector.stats}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { HotKeyDetector, type HotKeyDetectorStats } from '@mallkit/cache';
 * import { ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const detector = new HotKeyDetector({
 *   capacity: 128,
 *   hotThreshold: 100,
 *   clock,
 *   autoTick: false,
 * });
 * for (let i = 0; i < 1000; i++) detector.record(`sku-${i % 200}`); // 200 keys, 5 reads each
 * for (let i = 0; i < 150; i++) detector.record('sku-phone');
 * clock.advance(500); // windowMs 2000 / 4 sub-windows
 * detector.tick();
 *
 * const stats: HotKeyDetectorStats = detector.stats();
 * assert.equal(stats.recorded, 1150);
 * assert.equal(stats.hot, 1);
 * assert.equal(stats.promotions, 1);
 * assert.equal(stats.evaluations, 1);
 * assert.ok(stats.tracked <= stats.capacity); // memory stays fixed: at most 128 candidates
 * detector.close();
 * ```
 *
 * @group Hot keys
 */
export interface HotKeyDetectorStats {
  /** Accesses recorded. */
  recorded: number;
  /** Keys hot now. */
  hot: number;
  /** Candidate keys counted exactly now (at most `capacity`). */
  tracked: number;
  /** Most candidate keys: the K of the top-K. */
  capacity: number;
  /** Keys that entered the candidates. */
  admissions: number;
  /** Candidates replaced by a more frequent key. */
  evictions: number;
  /** Promotions, local and marked. */
  promotions: number;
  /** Demotions. */
  demotions: number;
  /** Promotions put off because `maxHotKeys` keys were hot (once per key and evaluation). */
  deferred: number;
  /** markHot calls refused because `maxHotKeys` keys were hot. */
  rejected: number;
  /** Sub-window boundaries evaluated. */
  evaluations: number;
  /** Bytes of the fixed tables (sketch and candidate counters); constant for a detector. */
  tableBytes: number;
}
