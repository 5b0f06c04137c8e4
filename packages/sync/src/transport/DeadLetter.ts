/**
 * A message moved to a topic's dead-letter stream: it could not be decoded, the handler
 * named it in its outcome, or it was delivered too many times without being
 * acknowledged. It stays there for people (and tools) to inspect and replay.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DeadLetter, MemoryTransport } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport();
 * const moved = new Promise<DeadLetter>((resolve) => transport.events.on('deadLettered', resolve));
 * const subscription = await transport.subscribe(
 *   'invoices', 'printer', 'node-1',
 *   async () => {
 *     throw new Error('printer jammed');
 *   },
 *   { maxDeliveries: 1 }, // no second chance
 * );
 * await transport.publish('invoices', [{ key: 'order-9', id: 'inv-9', body: '{"total":12}' }]);
 * await moved;
 * await subscription.close();
 *
 * const [letter] = await transport.deadLetters('invoices'); // kept for people to replay
 * assert.equal(letter?.group, 'printer');
 * assert.deepEqual([letter?.key, letter?.id, letter?.body], ['order-9', 'inv-9', '{"total":12}']);
 * assert.equal(letter?.deliveries, 1);
 * assert.match(letter?.reason ?? '', /printer jammed/);
 * ```
 *
 * @group Transport
 */
export interface DeadLetter {
  /** The topic it was published to. */
  topic: string;
  /** The consumer group that gave up on it (other groups may have processed it). */
  group: string;
  /** The member of the group that moved it. */
  consumer: string;
  /** The partition it was read from. */
  partition: number;
  /** Its position in the partition (the Redis stream id, or the in-memory sequence). */
  entryId: string;
  /** Its partition key; `''` when the entry had none. */
  key: string;
  /** Its id; `''` when the entry had none. */
  id: string;
  /** Its body as published; `''` when the entry had none. */
  body: string;
  /** Why it was dead-lettered. */
  reason: string;
  /** How many times it was delivered. */
  deliveries: number;
  /** When it was dead-lettered (epoch ms). */
  at: number;
}
