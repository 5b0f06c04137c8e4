/** What happened to a row (or, for the outbox, which business event was recorded). */
export type ChangeOperation = 'insert' | 'update' | 'delete' | 'snapshot' | 'event';

/**
 * One change captured by a source: a row insert, update or delete from the
 * binlog, a row read by a snapshot, or a business event from the outbox.
 * Delivery is at least once: consumers deduplicate on `id`.
 */
export interface ChangeEvent {
  /**
   * Unique and stable id of the change (source, position and row index), the
   * same when a source re-emits it after a restart: consumers deduplicate on it.
   */
  id: string;
  /** Name of the source that captured it, e.g. `'binlog'` or `'outbox'`. */
  source: string;
  /** `schema.table` for row changes; the outbox row's topic for business events. */
  table: string;
  /** What happened. */
  op: ChangeOperation;
  /**
   * Partition key: the row's primary key (columns joined by `:`) or the outbox
   * row's aggregate id. Changes of one key keep their order end to end.
   */
  key: string;
  /** Row image before the change (`update`, `delete`). */
  before?: Record<string, unknown>;
  /** Row image after the change (`insert`, `update`, `snapshot`) or the event payload (`event`). */
  after?: Record<string, unknown>;
  /** When the change was committed (epoch ms), as far as the source knows. */
  at: number;
  /**
   * The source's position just after this change, opaque to everyone else:
   * checkpointing it means "everything up to here was delivered".
   */
  position: string;
}
