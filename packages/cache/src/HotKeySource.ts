/** A key turned hot (promoted) or cooled (demoted). */
export interface HotKeyChange {
  /** The key, without namespace. */
  key: string;
  /** True when promoted, false when demoted. */
  hot: boolean;
  /**
   * Who found it hot: this node's own counting, or another node (through `markHot`).
   * Only local findings are broadcast, so nodes do not echo each other.
   * @default 'local'
   */
  source?: 'local' | 'remote';
}

/** A key that is hot now. */
export interface HotKeyEntry {
  /** The key, without namespace. */
  key: string;
  /** Found hot by this node's counting, or marked hot for another node. */
  source: 'local' | 'remote';
}

/**
 * What the cache needs from a hot-key detector: the `HotKeyDetector` of this package,
 * or your own (e.g. fed by a central hot-key service, as JD's hotkey is).
 */
export interface HotKeySource {
  /** Counts one access to `key`. Called on every read: must be cheap. */
  record(key: string): void;
  /** Whether `key` is hot now. */
  isHot(key: string): boolean;
  /** Makes `key` hot for `ttlMs` (capped), e.g. because another node found it hot. */
  markHot(key: string, ttlMs: number): void;
  /** How long a hot key stays fresh in L1, in ms (at most 15 000). */
  readonly promotionTtlMs: number;
  /** Keys hot now. */
  readonly hotCount: number;
  /** The keys hot now, with who found them hot. */
  hotKeys(): readonly HotKeyEntry[];
  /** Calls `listener` on every promotion and demotion; returns an unsubscribe function. */
  onChange(listener: (change: HotKeyChange) => void): () => void;
}
