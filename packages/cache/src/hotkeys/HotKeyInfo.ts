/**
 * One hot key in a {@link HotKeyDetector.hotKeys} snapshot.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { HotKeyDetector, type HotKeyInfo } from '@mallkit/cache';
 * import { ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const detector = new HotKeyDetector({
 *   windowMs: 1000,
 *   hotThreshold: 100,
 *   clock,
 *   autoTick: false,
 * });
 * for (let i = 0; i < 300; i++) detector.record('sku-phone');
 * detector.markHot('sku-case', 5000); // another node found it hot
 * clock.advance(250);
 * detector.tick();
 *
 * const hot: HotKeyInfo[] = detector.hotKeys(); // hottest first
 * assert.deepEqual(hot, [
 *   { key: 'sku-phone', count: 300, rate: 300, source: 'local', markedUntil: 0 },
 *   { key: 'sku-case', count: 0, rate: 0, source: 'remote', markedUntil: 5000 },
 * ]);
 * detector.close();
 * ```
 *
 * @group Hot keys
 */
export interface HotKeyInfo {
  /** The key, without namespace. */
  key: string;
  /**
   * The namespace it was counted or marked in (a cache passes its own); absent for a
   * key recorded without one.
   */
  namespace?: string;
  /**
   * Accesses counted on this node within the sliding window (0 when the key is not
   * among the tracked candidates).
   */
  count: number;
  /** `count` per second. */
  rate: number;
  /** `'local'` when this node's traffic keeps it hot, `'remote'` when only markHot does. */
  source: 'local' | 'remote';
  /** Clock time (ms) until which markHot keeps it hot; 0 when not marked. */
  markedUntil: number;
}
