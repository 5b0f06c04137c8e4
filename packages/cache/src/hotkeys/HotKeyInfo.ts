/** One hot key in a {@link HotKeyDetector.hotKeys} snapshot. */
export interface HotKeyInfo {
  /** The key. */
  key: string;
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
