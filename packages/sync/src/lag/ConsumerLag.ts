import type { PartitionLag } from './PartitionLag.js';

/**
 * How far one consumer group is behind on a topic, in total and per partition.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { Consumer, type ConsumerLag, MemoryTransport } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ partitions: 4 });
 * const consumer = new Consumer({
 *   transport, topic: 'shop.orders', group: 'mailer', name: 'node-1', handler: async () => {},
 * });
 * await consumer.start();
 * await consumer.stop(); // the mailer is down for a while...
 * await transport.publish('shop.orders', [
 *   { key: 'order-1', id: 'e-1', body: '{}' },
 *   { key: 'order-2', id: 'e-2', body: '{}' },
 * ]);
 * const lag: ConsumerLag = await consumer.lag(); // ...and falls behind
 * assert.deepEqual([lag.topic, lag.group, lag.messages], ['shop.orders', 'mailer', 2]);
 * assert.equal(lag.partitions.length, 4);
 * assert.equal(lag.errors, 0);
 * assert.ok(lag.seconds >= 0 && lag.at <= Date.now());
 * ```
 *
 * @group Lag
 */
export interface ConsumerLag {
  /** The topic. */
  topic: string;
  /** The consumer group. */
  group: string;
  /** Messages not finished, summed over the partitions. */
  messages: number;
  /** Age of the oldest message not finished over the partitions, in seconds. */
  seconds: number;
  /** Failures this process saw, summed over the partitions. */
  errors: number;
  /** One entry per partition, by partition number. */
  partitions: PartitionLag[];
  /** When it was measured (epoch ms). */
  at: number;
}
