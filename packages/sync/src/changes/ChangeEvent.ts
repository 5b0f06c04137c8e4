/**
 * What happened to a row (or, for the outbox, which business event was recorded).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import type { ChangeEvent, ChangeOperation } from '@mallkit/sync';
 *
 * // what a search index does with each kind of change
 * function action(op: ChangeOperation): 'index' | 'remove' | 'ignore' {
 *   switch (op) {
 *     case 'insert':
 *     case 'update':
 *     case 'snapshot':
 *       return 'index';
 *     case 'delete':
 *       return 'remove';
 *     case 'event':
 *       return 'ignore';
 *   }
 * }
 * const deleted: ChangeEvent = {
 *   id: 'binlog:5', source: 'binlog', table: 'shop.products', op: 'delete', key: '42',
 *   before: { id: 42 }, at: Date.now(), position: 'binlog:6',
 * };
 * assert.equal(action(deleted.op), 'remove');
 * assert.equal(action('snapshot'), 'index');
 * ```
 *
 * @group Changes
 */
export type ChangeOperation = 'insert' | 'update' | 'delete' | 'snapshot' | 'event';

/**
 * One change captured by a source: a row insert, update or delete from the
 * binlog, a row read by a snapshot, or a business event from the outbox.
 * Delivery is at least once: consumers deduplicate on `id`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ChangeEvent, decodeChangeEvent } from '@mallkit/sync';
 *
 * // a price change, as a binlog source captures it
 * const change: ChangeEvent = {
 *   id: 'mariadb-bin.000042:1200:0',
 *   source: 'binlog',
 *   table: 'shop.product',
 *   op: 'update',
 *   key: '42',
 *   before: { id: 42, price: 999 },
 *   after: { id: 42, price: 899 },
 *   at: Date.parse('2024-05-01T10:00:00Z'),
 *   position: 'mariadb-bin.000042:1450',
 * };
 * // it travels as JSON, and consumers read it back the same
 * const received = decodeChangeEvent(JSON.stringify(change));
 * assert.deepEqual(received, change);
 * const drop = Number(received.before?.['price']) - Number(received.after?.['price']);
 * assert.equal(drop, 100);
 * ```
 *
 * @group Changes
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
