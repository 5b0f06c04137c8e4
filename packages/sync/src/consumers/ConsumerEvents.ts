/**
 * A change a {@link Consumer} received.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   type ConsumedChange, Consumer, MemoryDeduplicator, MemoryTransport, TransportSink,
 * } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport();
 * const consumer = new Consumer({
 *   transport, topic: 'orders', group: 'mailer', name: 'node-1',
 *   deduplicator: new MemoryDeduplicator(),
 *   handler: async () => {},
 * });
 * const log: string[] = [];
 * const record = (what: string) => (e: ConsumedChange) =>
 *   log.push(`${what} ${e.id} (key ${e.key}, delivery ${e.deliveries})`);
 * consumer.events.on('handled', record('handled'));
 * consumer.events.on('duplicate', record('skipped'));
 * const skipped = new Promise<void>((resolve) => consumer.events.on('duplicate', () => resolve()));
 * await consumer.start();
 * const paid = {
 *   id: 'outbox:1', source: 'outbox', table: 'orders', op: 'event', key: 'order-1',
 *   at: Date.now(), position: '1',
 * } as const;
 * await new TransportSink({ transport }).publish([paid, paid]);
 * await skipped;
 * assert.deepEqual(log, [
 *   'handled outbox:1 (key order-1, delivery 1)',
 *   'skipped outbox:1 (key order-1, delivery 1)',
 * ]);
 * await consumer.stop();
 * ```
 *
 * @group Consumers
 */
export interface ConsumedChange {
  /** The change's id. */
  id: string;
  /** The change's partition key. */
  key: string;
  /** How many times it was delivered, this time included. */
  deliveries: number;
}

/**
 * Typed events of a {@link Consumer}, also on `diagnostics_channel` as
 * `mallkit:sync:consumer:<name>`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { Consumer, type ConsumerEvents, MemoryTransport } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ partitions: 1 });
 * const consumer = new Consumer({
 *   transport, topic: 'orders', group: 'erp', name: 'node-1', handler: async () => {},
 * });
 * const seen: ConsumerEvents['malformed'][] = [];
 * consumer.events.on('malformed', (event) => seen.push(event));
 * const handled = new Promise<ConsumerEvents['handled']>((resolve) => {
 *   consumer.events.on('handled', resolve);
 * });
 * const acked = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * await consumer.start();
 * const change = {
 *   id: 'outbox:2', source: 'outbox', table: 'orders', op: 'event', key: 'order-1',
 *   at: Date.now(), position: '2',
 * };
 * await transport.publish('orders', [
 *   { key: 'order-1', id: 'm-1', body: 'oops' }, // a producer bug: dead-lettered, not retried
 *   { key: 'order-1', id: 'outbox:2', body: JSON.stringify(change) },
 * ]);
 * assert.equal((await handled).id, 'outbox:2');
 * await acked;
 * assert.deepEqual(seen.map((e) => e.id), ['m-1']);
 * assert.match(seen[0]?.reason ?? '', /not JSON/);
 * assert.equal((await transport.deadLetters('orders'))[0]?.id, 'm-1');
 * await consumer.stop();
 * ```
 *
 * @group Consumers
 */
export interface ConsumerEvents {
  /** The handler succeeded. */
  handled: ConsumedChange & {
    /** How long the handler took, in ms. */
    ms: number;
  };
  /** The change was processed before (deduplicator): skipped. */
  duplicate: ConsumedChange;
  /**
   * The message could not be decoded: it goes to the dead-letter stream. Emitted once per
   * message, when its batch is done; if another message of the batch failed, the batch
   * is delivered again and the event comes with that delivery.
   */
  malformed: ConsumedChange & {
    /** Why. */
    reason: string;
  };
  /** The handler failed: the change will be delivered again (or dead-lettered). */
  failed: ConsumedChange & {
    /** The failure. */
    error: unknown;
  };
}
