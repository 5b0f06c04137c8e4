import type { Pool } from 'mysql2/promise';

/** Options of {@link OutboxSource}. */
export interface OutboxSourceOptions {
  /** Your mysql2 pool (promise API); the relay borrows one connection while it runs and never ends the pool. */
  pool: Pool;
  /**
   * The outbox table (see `outboxTableDdl`), optionally schema-qualified.
   * @default 'outbox'
   */
  table?: string;
  /**
   * Name of the source, in change ids (`<name>:<row id>`) and events.
   * @default 'outbox'
   */
  name?: string;
  /**
   * Wait between polls when the last one found less than a full batch.
   * @default 200
   */
  pollIntervalMs?: number;
  /**
   * Most rows read, published and removed per round.
   * @default 200
   */
  batchSize?: number;
  /**
   * Number of lock partitions (`CRC32(aggregate_key) % partitions`). Each round a
   * relay takes the free partitions' named locks (`GET_LOCK`), relays their rows
   * in id order, removes them, and releases the locks, so several relays share
   * the work while each key is relayed by one of them at a time, in order.
   * Every relay of a table must use the same number.
   * @default 1 (one relay active at a time, the others standing by)
   */
  partitions?: number;
  /**
   * What happens to published rows: `'delete'`, or `'mark'` (set `published_at`;
   * you clean them up).
   * @default 'delete'
   */
  afterPublish?: 'delete' | 'mark';
  /**
   * First wait after a failed round (sink or database); doubles per failure.
   * @default 500
   */
  retryDelayMs?: number;
  /**
   * Longest wait after failures.
   * @default 30_000
   */
  maxRetryDelayMs?: number;
}
