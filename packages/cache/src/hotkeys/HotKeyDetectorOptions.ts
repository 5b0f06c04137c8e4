import type { Clock } from '@mallkit/resilience';

/**
 * How a {@link HotKeyDetector} decides that a key is hot. Thresholds count accesses
 * on this node within one sliding window of `windowMs`, evaluated at the end of each
 * of its `subWindows` sub-windows (the detection interval, `windowMs / subWindows`).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { HotKeyDetector, type HotKeyDetectorOptions } from '@mallkit/cache';
 * import { ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const options: HotKeyDetectorOptions = {
 *   windowMs: 1000,
 *   subWindows: 4, // evaluated every 250 ms
 *   hotThreshold: 100, // reads within a window that make a key hot
 *   coolThreshold: 40, // below this it cools: no flapping in between
 *   capacity: 256,
 *   maxHotKeys: 16,
 *   promotionTtlMs: 3000,
 *   clock,
 *   autoTick: false, // with a ManualClock: call tick() yourself
 * };
 * const detector = new HotKeyDetector(options);
 * const subWindow = (reads: number) => {
 *   for (let i = 0; i < reads; i++) detector.record('sku-phone');
 *   clock.advance(250);
 *   detector.tick();
 * };
 * subWindow(120);
 * assert.equal(detector.isHot('sku-phone'), true);
 * for (let i = 0; i < 4; i++) subWindow(15); // 60 a window: under 100 but over 40
 * assert.equal(detector.isHot('sku-phone'), true);
 * subWindow(0);
 * subWindow(0); // 30 within the window
 * assert.equal(detector.isHot('sku-phone'), false);
 * detector.close();
 * ```
 *
 * @group Hot keys
 */
export interface HotKeyDetectorOptions {
  /**
   * Length of the sliding window, in ms (an integer >= 1).
   * @default 2000
   */
  windowMs?: number;
  /**
   * Sub-windows the window slides by (an integer from 1 to 64, at most `windowMs`).
   * Keys are evaluated at the end of each: `windowMs / subWindows` is the detection
   * interval.
   * @default 4
   */
  subWindows?: number;
  /**
   * Accesses within one window that make a key hot (a number > 0).
   * @default 1000
   */
  hotThreshold?: number;
  /**
   * A hot key is demoted only when its accesses within one window fall below this
   * (a number > 0, at most `hotThreshold`). The gap is the hysteresis that keeps a key
   * at the threshold from flapping.
   * @default hotThreshold / 2
   */
  coolThreshold?: number;
  /**
   * Keys whose accesses are counted exactly: the top-K candidates (an integer from
   * 1 to 16384). Memory is fixed by this, whatever the number of distinct keys. A key
   * of each namespace is a candidate of its own: caches sharing the detector share them.
   * @default 256
   */
  capacity?: number;
  /**
   * Most keys hot at once, detected here or marked by {@link HotKeyDetector.markHot}
   * (an integer from 1 to `capacity`), in all namespaces together. Further candidates
   * wait until a hot key cools; the hottest are promoted first.
   * @default 64, or `capacity` if smaller
   */
  maxHotKeys?: number;
  /**
   * How long a promoted key stays fresh in L1, in ms, and the longest
   * {@link HotKeyDetector.markHot} keeps a key hot (more than 0, at most 15000).
   * @default 5000
   */
  promotionTtlMs?: number;
  /**
   * Where time comes from; a `ManualClock` in tests.
   * @default systemClock
   */
  clock?: Clock;
  /**
   * Evaluate at every sub-window boundary on an unref'd timer. Turn off to call
   * {@link HotKeyDetector.tick} yourself.
   * @default true
   */
  autoTick?: boolean;
}
