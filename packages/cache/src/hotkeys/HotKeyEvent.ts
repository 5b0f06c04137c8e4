import type { HotKeyChange } from '../HotKeySource.js';

/**
 * A key was promoted (`hot: true`) or demoted (`hot: false`) by a
 * {@link HotKeyDetector}.
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
