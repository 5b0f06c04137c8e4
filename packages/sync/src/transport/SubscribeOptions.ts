/**
 * Delivery settings of one subscription; each overrides the transport's setting of the
 * same name.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, type SubscribeOptions } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ partitions: 1 }); // batches of up to 100 by default
 * const options: SubscribeOptions = { batchSize: 2, maxDeliveries: 3, retryDelayMs: 10 };
 * const sizes: number[] = [];
 * let acked = 0;
 * const all = new Promise<void>((resolve) => {
 *   transport.events.on('acked', (event) => {
 *     acked += event.messages;
 *     if (acked === 5) resolve();
 *   });
 * });
 * const subscription = await transport.subscribe(
 *   'emails', 'smtp', 'node-1',
 *   async (batch) => {
 *     sizes.push(batch.length);
 *   },
 *   options,
 * );
 * const ids = ['a', 'b', 'c', 'd', 'e'];
 * await transport.publish('emails', ids.map((id) => ({ key: 'newsletter', id, body: id })));
 * await all;
 * assert.deepEqual(sizes, [2, 2, 1]); // this subscription sends 2 at a time
 * await subscription.close();
 * ```
 *
 * @group Transport
 */
export interface SubscribeOptions {
  /**
   * Most messages handed to the handler at once (integer >= 1).
   * @default the transport's `batchSize`
   */
  batchSize?: number;
  /**
   * Deliveries of one message before it moves to the dead-letter stream (integer >= 1).
   * @default the transport's `maxDeliveries`
   */
  maxDeliveries?: number;
  /**
   * Wait before redelivering after the handler failed, in ms; doubled on each further
   * delivery of the message, up to `maxRetryDelayMs`.
   * @default the transport's `retryDelayMs`
   */
  retryDelayMs?: number;
  /**
   * Longest wait before a redelivery, in ms.
   * @default the transport's `maxRetryDelayMs`
   */
  maxRetryDelayMs?: number;
}
