import type { SnapshotResult } from './SnapshotResult.js';

/** Typed events of {@link SnapshotSource}, also on `diagnostics_channel` as `mallkit:sync:snapshot:<name>`. */
export interface SnapshotSourceEvents {
  /** The consistent snapshot is open; rows follow. */
  started: {
    /** Name of the source. */
    source: string;
    /** The binlog position the snapshot is consistent with. */
    position: string;
    /** The tables it reads. */
    tables: readonly string[];
  };
  /** A table was read completely. */
  tableFinished: {
    /** Name of the source. */
    source: string;
    /** `'schema.table'`. */
    table: string;
    /** Rows published. */
    rows: number;
  };
  /** The sink rejected a chunk; it is published again after `retryInMs`. */
  publishFailed: {
    /** Name of the source. */
    source: string;
    /** The rejection. */
    error: unknown;
    /** Attempts so far. */
    attempt: number;
    /** Wait before the next attempt. */
    retryInMs: number;
  };
  /** Every row was published (and the position saved when so configured). */
  finished: SnapshotResult & {
    /** Name of the source. */
    source: string;
  };
  /** The snapshot failed (or was stopped); nothing was saved. */
  failed: {
    /** Name of the source. */
    source: string;
    /** Why. */
    error: unknown;
  };
}
