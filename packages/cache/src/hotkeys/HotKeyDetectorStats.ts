/** Counters and sizes of a {@link HotKeyDetector}, from {@link HotKeyDetector.stats}. */
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
