import type { BinlogPosition } from './BinlogPosition.js';

/** Row images of one row event, decoded by zongji. */
export interface BinlogRowImages {
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/**
 * What the decoder makes of the binlog stream, in stream order:
 * - `rows`: a row event (one statement's rows of one table) inside a transaction;
 * - `commit`: a transaction or standalone group ended (or the log rotated between
 *   transactions); `position` is where to resume to get everything after it;
 * - `ddl`: a statement outside a transaction (ALTER TABLE, TRUNCATE, ...), also a boundary;
 * - `statement`: a data change logged as a statement (MIXED/STATEMENT format),
 *   which carries no rows and cannot be captured.
 * @internal
 */
export type BinlogItem =
  | {
      kind: 'rows';
      op: 'insert' | 'update' | 'delete';
      schema: string;
      table: string;
      /** Primary key column names from the binlog's own metadata, when it has them. */
      primaryKey: readonly string[] | undefined;
      rows: readonly BinlogRowImages[];
      /** Commit time, epoch ms (second precision). */
      at: number;
      /** Where the transaction starts: the position before it, and the change ids' stem. */
      transaction: BinlogPosition;
      /** Index within the transaction of the first row. */
      firstIndex: number;
    }
  | { kind: 'commit'; position: BinlogPosition; at: number }
  | { kind: 'ddl'; schema: string; query: string; position: BinlogPosition; at: number }
  | { kind: 'statement'; schema: string; query: string; at: number };
