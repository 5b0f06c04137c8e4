import type { DeadLetter } from './DeadLetter.js';

/**
 * A transport whose dead-letter streams can be read back.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DeadLetterSource, MemoryTransport, type MessageTransport } from '@mallkit/sync';
 *
 * // An operator's tool: once the bug is fixed, publish the dead letters again.
 * async function replay(from: DeadLetterSource, to: MessageTransport, topic: string) {
 *   const letters = await from.deadLetters(topic, 1000);
 *   await to.publish(topic, letters.map(({ key, id, body }) => ({ key, id, body })));
 *   return letters.length;
 * }
 *
 * const transport = new MemoryTransport();
 * let fixed = false;
 * const sent: string[] = [];
 * const subscription = await transport.subscribe('emails', 'smtp', 'node-1', async (batch) => {
 *   if (!fixed) return { deadLetters: batch.map((delivery) => ({ delivery, reason: 'bug' })) };
 *   for (const m of batch) sent.push(m.id);
 *   return undefined;
 * });
 * const dead = new Promise<void>((resolve) => {
 *   transport.events.on('deadLettered', () => resolve());
 * });
 * await transport.publish('emails', [{ key: 'customer-1', id: 'welcome-1', body: '{}' }]);
 * await dead;
 *
 * fixed = true; // the template is repaired: replay
 * const acked = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * assert.equal(await replay(transport, transport, 'emails'), 1);
 * await acked;
 * assert.deepEqual(sent, ['welcome-1']);
 * await subscription.close();
 * ```
 *
 * @group Transport
 */
export interface DeadLetterSource {
  /** The oldest `limit` dead letters of `topic`, oldest first. */
  deadLetters(topic: string, limit?: number): Promise<DeadLetter[]>;
}
