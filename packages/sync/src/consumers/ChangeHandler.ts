import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { Delivery } from '../transport/StreamMessage.js';

/**
 * What a {@link Consumer} does with one change. Resolving marks it done; rejecting makes
 * the transport deliver it again later (at least once), and after the transport's
 * `maxDeliveries` moves it to the dead-letter stream. Changes of one key arrive in order;
 * changes of different partitions may be handled concurrently.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ChangeHandler, Consumer, MemoryTransport, TransportSink } from '@mallkit/sync';
 *
 * const emails: string[] = [];
 * const sendReceipt: ChangeHandler = async (change, delivery) => {
 *   if (delivery.deliveries === 1) throw new Error('SMTP timeout'); // rejected: delivered again
 *   emails.push(`receipt for ${change.key}, delivery ${delivery.deliveries}`);
 * };
 * const transport = new MemoryTransport({ retryDelayMs: 1 });
 * const consumer = new Consumer({
 *   transport, topic: 'orders', group: 'mailer', name: 'node-1', handler: sendReceipt,
 * });
 * const handled = new Promise<void>((resolve) => consumer.events.on('handled', () => resolve()));
 * await consumer.start();
 * await new TransportSink({ transport }).publish([{
 *   id: 'outbox:5', source: 'outbox', table: 'orders', op: 'event', key: 'order-5',
 *   after: { total: 30 }, at: Date.now(), position: '5',
 * }]);
 * await handled;
 * assert.deepEqual(emails, ['receipt for order-5, delivery 2']);
 * await consumer.stop();
 * ```
 *
 * @group Consumers
 */
export type ChangeHandler = (change: ChangeEvent, delivery: Delivery) => Promise<void>;
