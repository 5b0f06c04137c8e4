import type { DeliveryOutcome } from './DeliveryOutcome.js';
import type { Delivery, OutgoingMessage } from './StreamMessage.js';
import type { SubscribeOptions } from './SubscribeOptions.js';

/**
 * A running subscription.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport();
 * const first = await transport.subscribe('shipments', 'tracking', 'node-1', async () => {});
 * await first.close(); // e.g. a deploy: nobody consumes for a while
 * await first.close(); // closing again does nothing
 *
 * await transport.publish('shipments', [{ key: 'order-3', id: 'ship-3', body: '{}' }]);
 * assert.equal((await transport.consumerLag('shipments', 'tracking')).messages, 1); // kept
 *
 * const ids: string[] = [];
 * const acked = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * const second = await transport.subscribe('shipments', 'tracking', 'node-2', async (batch) => {
 *   for (const m of batch) ids.push(m.id);
 * });
 * await acked;
 * assert.deepEqual(ids, ['ship-3']); // the group resumes where it stopped
 * await second.close();
 * ```
 *
 * @group Transport
 */
export interface Subscription {
  /** Stops fetching, waits for the handler's batch in flight, leaves unacknowledged messages pending. */
  close(): Promise<void>;
}

/**
 * What a consumer does with a batch; resolving acknowledges it, rejecting leaves it for
 * redelivery. It may resolve with a {@link DeliveryOutcome} naming messages to move to the
 * dead-letter stream instead (a message it cannot decode, say). Batches of different
 * partitions may be handled concurrently; batches of one partition never are.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DeliveryHandler, MemoryTransport } from '@mallkit/sync';
 *
 * const indexed = new Map<string, string>();
 * const index: DeliveryHandler = async (batch) => {
 *   for (const message of batch) {
 *     if (message.deliveries === 1) throw new Error('search engine busy'); // rejected: retried
 *     indexed.set(message.key, message.body);
 *   }
 * };
 * const transport = new MemoryTransport({ retryDelayMs: 1 });
 * const acked = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * const subscription = await transport.subscribe('products', 'search', 'node-1', index);
 * await transport.publish('products', [{ key: 'sku-1', id: 'p-1', body: 'phone' }]);
 * await acked; // resolved on the second delivery
 * assert.equal(indexed.get('sku-1'), 'phone');
 * await subscription.close();
 * ```
 *
 * @group Transport
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a plain `async () => {}` handler must fit
export type DeliveryHandler = (batch: readonly Delivery[]) => Promise<void | DeliveryOutcome>;

/**
 * The message stream between sources and consumers: topics partitioned by key,
 * consumer groups, at-least-once delivery, redelivery of messages a dead
 * consumer left, and a dead-letter topic after too many deliveries. The Redis
 * Streams transport ships with the package; Kafka, NATS JetStream or RabbitMQ
 * can implement the same interface.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, type MessageTransport } from '@mallkit/sync';
 *
 * // Code written against the interface runs on Redis Streams in production and in memory
 * // in tests.
 * async function orderPaid(transport: MessageTransport, orderId: string): Promise<void> {
 *   const body = JSON.stringify({ orderId, status: 'paid' });
 *   await transport.publish('orders', [{ key: orderId, id: `paid:${orderId}`, body }]);
 * }
 *
 * const transport = new MemoryTransport();
 * const ids: string[] = [];
 * const acked = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * const subscription = await transport.subscribe('orders', 'mailer', 'node-1', async (batch) => {
 *   for (const m of batch) ids.push(m.id);
 * });
 * await orderPaid(transport, 'order-5');
 * await acked;
 * assert.deepEqual(ids, ['paid:order-5']);
 * await subscription.close();
 * ```
 *
 * @group Transport
 */
export interface MessageTransport {
  /** Appends messages; resolves once they are durably accepted. */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  /**
   * Delivers the topic's messages to `handler` as member `consumer` of `group`.
   * `options` overrides the transport's delivery settings for this subscription.
   */
  subscribe(
    topic: string,
    group: string,
    consumer: string,
    handler: DeliveryHandler,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
}
