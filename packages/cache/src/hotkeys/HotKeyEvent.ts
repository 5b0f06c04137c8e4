import type { HotKeyChange } from '../HotKeySource.js';

/**
 * A key was promoted (`hot: true`) or demoted (`hot: false`) by a
 * {@link HotKeyDetector}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { HotKeyDetector, type HotKeyEvent } from '@mallkit/cache';
 * import { ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const detector = new HotKeyDetector({
 *   windowMs: 1000,
 *   hotThreshold: 100,
 *   clock,
 *   autoTick: false,
 * });
 * const events: HotKeyEvent[] = [];
 * detector.onChange((event) => events.push(event));
 *
 * detector.markHot('sku-case', 2000); // another node found it hot
 * for (let i = 0; i < 150; i++) detector.record('sku-phone');
 * clock.advance(250);
 * detector.tick(); // sku-phone: 150 reads in the window
 * clock.advance(2000);
 * detector.tick(); // the mark has expired, and sku-phone has had no reads for a window
 * assert.deepEqual(
 *   events.map(({ key, hot, rate, source, reason }) => [key, hot, rate, source, reason]),
 *   [
 *     ['sku-case', true, 0, 'remote', 'marked'],
 *     ['sku-phone', true, 150, 'local', 'detected'],
 *     ['sku-case', false, 0, 'remote', 'expired'],
 *     ['sku-phone', false, 0, 'local', 'cooled'],
 *   ],
 * );
 * detector.close();
 * ```
 *
 * @group Hot keys
 */
export interface HotKeyEvent extends HotKeyChange {
  /** Estimated accesses per second on this node over the last window. */
  rate: number;
  /**
   * `'local'`: this node's own traffic (promoted by detection, or demoted because it
   * cooled); `'remote'`: {@link HotKeyDetector.markHot} (promoted because another node
   * found it hot, or demoted because that mark expired). Only local promotions are
   * worth sharing with other nodes.
   */
  source: 'local' | 'remote';
  /**
   * Why: `'detected'` (reached `hotThreshold`), `'marked'` (markHot), `'cooled'`
   * (fell below `coolThreshold`), `'expired'` (a markHot TTL ended and the key is not
   * hot here), `'closed'` (the detector was closed).
   */
  reason: 'detected' | 'marked' | 'cooled' | 'expired' | 'closed';
}
