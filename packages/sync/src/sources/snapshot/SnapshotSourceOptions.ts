import type { Pool } from 'mysql2/promise';
import type { CheckpointStore } from '../../checkpoints/CheckpointStore.js';

/** Options of {@link SnapshotSource}. */
export interface SnapshotSourceOptions {
  /** Your mysql2 pool (promise API); the snapshot borrows one connection for its transaction and never ends the pool. */
  pool: Pool;
  /** The tables to read, `'schema.table'` (unqualified names use the pool's database). */
  tables: readonly string[];
  /**
   * Name of the source, in change ids and events.
   * @default 'snapshot'
   */
  name?: string;
  /**
   * Rows per chunk (one `SELECT ... ORDER BY <primary key> LIMIT n` and one publish).
   * @default 1000
   */
  chunkSize?: number;
  /**
   * Where to save the binlog position the snapshot is consistent with, once every
   * row was published, under the name `continueAs`.
   * @default none: nothing is saved
   */
  checkpoints?: CheckpointStore;
  /**
   * The binlog source's name whose checkpoint receives the snapshot's position,
   * so it continues exactly where the snapshot stands (needs `checkpoints`).
   * @default none
   */
  continueAs?: string;
  /**
   * First wait before re-publishing a chunk the sink rejected; doubles per attempt.
   * @default 500
   */
  retryDelayMs?: number;
  /**
   * Longest wait between attempts.
   * @default 30_000
   */
  maxRetryDelayMs?: number;
}
