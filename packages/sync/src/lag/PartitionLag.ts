/**
 * How far one consumer group is behind on one partition of a topic.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, type PartitionLag, partitionOf } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ partitions: 2 });
 * const acked = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * const subscription = await transport.subscribe('stock', 'search', 'node-1', async () => {});
 * await transport.publish('stock', [{ key: 'sku-1', id: 's-1', body: '5' }]);
 * await acked;
 * const running = await transport.consumerLag('stock', 'search');
 * assert.equal(running.partitions[partitionOf('sku-1', 2)]?.owner, 'node-1');
 * await subscription.close();
 * await transport.publish('stock', [{ key: 'sku-1', id: 's-2', body: '4' }]); // while stopped
 *
 * const lag = await transport.consumerLag('stock', 'search');
 * const p: PartitionLag | undefined = lag.partitions[partitionOf('sku-1', 2)];
 * assert.deepEqual(
 *   [p?.messages, p?.undelivered, p?.pending, p?.lastDeliveredId, p?.lastAckedId],
 *   [1, 1, 0, '1', '1'], // s-1 done, s-2 waiting
 * );
 * assert.equal(p?.errors, 0);
 * assert.equal(p?.owner, undefined); // nobody holds it since node-1 left
 * ```
 *
 * @group Lag
 */
export interface PartitionLag {
  /** The partition. */
  partition: number;
  /** Messages the group has not finished: `undelivered + pending`. */
  messages: number;
  /** Messages not yet delivered to any member of the group. */
  undelivered: number;
  /** Messages delivered but not yet acknowledged. */
  pending: number;
  /**
   * Age of the oldest message not finished (undelivered or pending), in seconds, by the
   * transport's clock; `0` when there is none.
   */
  seconds: number;
  /** Position of the last message delivered to the group; `''` when none was. */
  lastDeliveredId: string;
  /** Position of the last message this process acknowledged for the group (its checkpoint). */
  lastAckedId?: string;
  /** When this process last acknowledged a message of the partition for the group (epoch ms). */
  lastAckedAt?: number;
  /**
   * The member of the group that holds the partition, when one does: the holder of its
   * lease on Redis, the member running it in memory.
   */
  owner?: string;
  /** Failures this process saw while consuming the partition for the group. */
  errors: number;
}
