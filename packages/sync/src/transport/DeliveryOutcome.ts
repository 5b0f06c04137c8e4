import type { Delivery } from './StreamMessage.js';

/**
 * A message of a batch that the handler sends to the dead-letter stream.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   type DeadLetter, type DeadLetterRequest, type Delivery, MemoryTransport,
 * } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ partitions: 1 });
 * const letters: DeadLetter[] = [];
 * const done = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * transport.events.on('deadLettered', (letter) => letters.push(letter));
 * const moderate = async (batch: readonly Delivery[]) => {
 *   const rejected: DeadLetterRequest[] = batch
 *     .filter((delivery) => delivery.body.length > 20)
 *     .map((delivery) => ({ delivery, reason: 'too long' }));
 *   return { deadLetters: rejected }; // the others are acknowledged
 * };
 * const subscription = await transport.subscribe('reviews', 'moderation', 'node-1', moderate);
 * await transport.publish('reviews', [
 *   { key: 'product-1', id: 'r-1', body: 'great phone' },
 *   { key: 'product-1', id: 'r-2', body: 'x'.repeat(500) },
 * ]);
 * await done;
 * assert.deepEqual(letters.map((letter) => [letter.id, letter.reason]), [['r-2', 'too long']]);
 * await subscription.close();
 * ```
 *
 * @group Transport
 */
export interface DeadLetterRequest {
  /** The message, as it was handed to the handler. */
  delivery: Delivery;
  /** Why it cannot be processed, kept with the dead letter for people. */
  reason: string;
}

/**
 * What a {@link DeliveryHandler} may resolve with: the batch is acknowledged, and the
 * messages listed in `deadLetters` are moved to the topic's dead-letter stream first.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   type DeadLetterRequest, type Delivery, type DeliveryOutcome, MemoryTransport,
 * } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport();
 * const totals: number[] = [];
 * const handle = async (batch: readonly Delivery[]): Promise<DeliveryOutcome> => {
 *   const deadLetters: DeadLetterRequest[] = [];
 *   for (const delivery of batch) {
 *     try {
 *       totals.push((JSON.parse(delivery.body) as { total: number }).total);
 *     } catch {
 *       deadLetters.push({ delivery, reason: 'not JSON' });
 *     }
 *   }
 *   return { deadLetters }; // retrying would not help those; the rest is acknowledged
 * };
 * const dead = new Promise<void>((resolve) => {
 *   transport.events.on('deadLettered', () => resolve());
 * });
 * const subscription = await transport.subscribe('orders', 'billing', 'node-1', handle);
 * await transport.publish('orders', [
 *   { key: 'order-1', id: 'o-1', body: '{"total":40}' },
 *   { key: 'order-1', id: 'o-2', body: '{"total":' },
 * ]);
 * await dead;
 * assert.deepEqual(totals, [40]);
 * assert.equal((await transport.deadLetters('orders'))[0]?.id, 'o-2');
 * await subscription.close();
 * ```
 *
 * @group Transport
 */
export interface DeliveryOutcome {
  /** Messages to dead-letter rather than acknowledge as processed. @default [] */
  deadLetters?: readonly DeadLetterRequest[];
}
