/**
 * A message as published to a topic of the message stream.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, type OutgoingMessage } from '@mallkit/sync';
 *
 * const orders = [
 *   { id: 'order-1', version: 3, status: 'shipped' },
 *   { id: 'order-2', version: 1, status: 'paid' },
 * ];
 * const messages: OutgoingMessage[] = orders.map((order) => ({
 *   key: order.id, // one order's messages stay in order
 *   id: `${order.id}:v${order.version}`, // the same for a re-sent copy: consumers skip it
 *   body: JSON.stringify(order),
 * }));
 * const transport = new MemoryTransport();
 * await transport.publish('orders', messages);
 * const lag = await transport.consumerLag('orders', 'warehouse'); // a group not started yet
 * assert.equal(lag.messages, 2);
 * ```
 *
 * @group Transport
 */
export interface OutgoingMessage {
  /** Partition key: messages of one key are delivered in order, to one consumer at a time. */
  key: string;
  /** Unique id, used by consumers to deduplicate redeliveries. */
  id: string;
  /** The payload, already encoded (JSON). */
  body: string;
}

/**
 * A message as delivered to a consumer.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type Delivery, MemoryTransport, partitionOf } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ partitions: 4 });
 * const received: Delivery[] = [];
 * const acked = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * const subscription = await transport.subscribe('carts', 'analytics', 'node-1', async (batch) => {
 *   received.push(...batch);
 * });
 * const before = Date.now();
 * await transport.publish('carts', [{ key: 'cart-8', id: 'c-8', body: '{"items":2}' }]);
 * await acked;
 * const [delivery] = received;
 * assert.equal(delivery?.topic, 'carts');
 * assert.equal(delivery?.deliveries, 1); // more than 1: a redelivery
 * assert.equal(delivery?.partition, partitionOf('cart-8', 4));
 * assert.ok((delivery?.publishedAt ?? 0) >= before);
 * await subscription.close();
 * ```
 *
 * @group Transport
 */
export interface Delivery extends OutgoingMessage {
  /** The topic. */
  topic: string;
  /** How many times it was delivered, this time included. */
  deliveries: number;
  /** The partition of the topic it was read from, when the transport partitions. */
  partition?: number;
  /** When the transport accepted it (epoch ms), when the transport knows. */
  publishedAt?: number;
}
