/**
 * Settings of a {@link MemoryTransport}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DeadLetter, MemoryTransport, type MemoryTransportOptions } from '@mallkit/sync';
 *
 * const options: MemoryTransportOptions = {
 *   partitions: 2,
 *   batchSize: 10,
 *   maxDeliveries: 2, // the second failed delivery sends the message to the dead letters
 *   retryDelayMs: 5,
 *   maxRetryDelayMs: 50,
 *   deadLetterMaxLength: 100,
 * };
 * const transport = new MemoryTransport(options);
 * const dead = new Promise<DeadLetter>((resolve) => transport.events.on('deadLettered', resolve));
 * const subscription = await transport.subscribe('payments', 'ledger', 'node-1', async () => {
 *   throw new Error('ledger is down');
 * });
 * await transport.publish('payments', [{ key: 'order-7', id: 'pay-7', body: '{}' }]);
 * assert.equal((await dead).deliveries, 2);
 * await subscription.close();
 *
 * assert.throws(() => new MemoryTransport({ partitions: 0 }), { code: 'INVALID_OPTION' });
 * ```
 *
 * @group Transport
 */
export interface MemoryTransportOptions {
  /**
   * Partitions per topic (integer >= 1): messages of one key go to one partition, and a
   * partition is consumed by one member of a group at a time, in order.
   * @default 8
   */
  partitions?: number;
  /**
   * Most messages handed to a handler at once (integer >= 1).
   * @default 100
   */
  batchSize?: number;
  /**
   * Deliveries of one message before it moves to the dead-letter stream (integer >= 1).
   * @default 5
   */
  maxDeliveries?: number;
  /**
   * Wait before redelivering after a handler failed, in ms; doubled on each further
   * delivery of the message, up to `maxRetryDelayMs` (integer >= 0).
   * @default 100
   */
  retryDelayMs?: number;
  /**
   * Longest wait before a redelivery, in ms (integer >= 0).
   * @default 10000
   */
  maxRetryDelayMs?: number;
  /**
   * Dead letters kept per topic (integer >= 1); the oldest are dropped beyond it.
   * @default 10000
   */
  deadLetterMaxLength?: number;
}
