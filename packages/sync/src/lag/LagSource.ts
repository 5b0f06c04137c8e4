import type { ConsumerLag } from './ConsumerLag.js';

/**
 * Something that can tell how far a consumer group is behind: the transports do.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type LagSource, MemoryTransport } from '@mallkit/sync';
 *
 * // a readiness check that works with any transport
 * async function caughtUp(source: LagSource, topic: string, group: string): Promise<boolean> {
 *   const lag = await source.consumerLag(topic, group);
 *   return lag.messages === 0;
 * }
 *
 * const transport = new MemoryTransport();
 * assert.equal(await caughtUp(transport, 'shop.orders', 'mailer'), true);
 * await transport.publish('shop.orders', [{ key: 'order-1', id: 'e-1', body: '{}' }]);
 * assert.equal(await caughtUp(transport, 'shop.orders', 'mailer'), false);
 * ```
 *
 * @group Lag
 */
export interface LagSource {
  /**
   * Measures the lag of `group` on `topic`. The transports read a topic never published
   * to as empty (without creating it) and reject a topic or group name that is not valid
   * with `SyncError` `INVALID_OPTION`.
   */
  consumerLag(topic: string, group: string): Promise<ConsumerLag>;
}
