/** Settings of a {@link MemoryDeduplicator}. */
export interface MemoryDeduplicatorOptions {
  /**
   * How long a mark is kept, in ms (> 0).
   * @default 86400000 (one day)
   */
  ttlMs?: number;
  /**
   * Most marks kept (integer >= 1); the oldest are forgotten beyond it.
   * @default 100000
   */
  maxEntries?: number;
  /**
   * Wall clock in epoch ms.
   * @default Date.now
   */
  now?: () => number;
}
