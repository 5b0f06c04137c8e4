/**
 * Counters of a {@link Consumer} since it was built, from {@link Consumer.stats}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { Consumer, type ConsumerStats, MemoryTransport, TransportSink } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ retryDelayMs: 1 });
 * let attempts = 0;
 * const consumer = new Consumer({
 *   transport, topic: 'shop.orders', group: 'erp', name: 'node-1',
 *   handler: async () => {
 *     attempts += 1;
 *     if (attempts === 1) throw new Error('ERP busy');
 *   },
 * });
 * const handled = new Promise<void>((resolve) => consumer.events.on('handled', () => resolve()));
 * await consumer.start();
 * await new TransportSink({ transport }).publish([{
 *   id: 'outbox:8', source: 'outbox', table: 'shop.orders', op: 'event', key: 'order-8',
 *   at: Date.now(), position: '8',
 * }]);
 * await handled;
 * const stats: ConsumerStats = consumer.stats();
 * assert.deepEqual([stats.handled, stats.failed, stats.duplicates, stats.malformed], [1, 1, 0, 0]);
 * assert.equal(stats.lastId, 'outbox:8');
 * assert.equal(stats.lastPosition, '8'); // how far this consumer got
 * assert.ok(stats.lastError instanceof Error);
 * assert.equal(stats.lastError.message, 'ERP busy');
 * await consumer.stop();
 * ```
 *
 * @group Consumers
 */
export interface ConsumerStats {
  /** Changes the handler processed. */
  handled: number;
  /** Changes skipped as already processed. */
  duplicates: number;
  /** Messages that could not be decoded (dead-lettered), each counted once. */
  malformed: number;
  /** Handler failures (each is retried). */
  failed: number;
  /** Id of the last change handled. */
  lastId?: string;
  /** Source position of the last change handled: how far this consumer got. */
  lastPosition?: string;
  /** When the last change was handled (epoch ms). */
  lastHandledAt?: number;
  /** The last handler failure. */
  lastError?: unknown;
}
