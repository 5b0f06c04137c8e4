/** What a finished snapshot read. */
export interface SnapshotResult {
  /**
   * The binlog position (`'file:offset'`) the snapshot is consistent with: every
   * transaction committed before it is in the snapshot, none after it. A binlog
   * source started there misses nothing and repeats nothing.
   */
  position: string;
  /** Rows published, per table (`'schema.table'`). */
  tables: Record<string, number>;
  /** Rows published in all. */
  rows: number;
  /** How long it took, in ms. */
  durationMs: number;
}
