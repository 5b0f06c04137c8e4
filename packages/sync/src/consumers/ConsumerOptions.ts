import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { Deduplicator } from '../dedup/Deduplicator.js';
import type { MessageTransport } from '../transport/MessageTransport.js';
import type { SubscribeOptions } from '../transport/SubscribeOptions.js';
import type { ChangeHandler } from './ChangeHandler.js';

/**
 * Settings of a {@link Consumer}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   type ChangeEvent, Consumer, type ConsumerOptions, MemoryDeduplicator, MemoryTransport,
 * } from '@mallkit/sync';
 *
 * // a legacy system publishes `sku;units;version` rather than JSON change events
 * const decode = (body: string): ChangeEvent => {
 *   const [sku = '', units = '', version = ''] = body.split(';');
 *   return {
 *     id: `legacy:${sku}:${version}`, source: 'legacy', table: 'stock', op: 'event', key: sku,
 *     after: { units: Number(units) }, at: Date.now(), position: version,
 *   };
 * };
 * const stock = new Map<string, unknown>();
 * const transport = new MemoryTransport();
 * const options: ConsumerOptions = {
 *   transport,
 *   topic: 'legacy.stock',
 *   group: 'shop',
 *   name: 'node-1',
 *   handler: async (change) => {
 *     stock.set(change.key, change.after?.['units']);
 *   },
 *   deduplicator: new MemoryDeduplicator(),
 *   decode,
 *   delivery: { batchSize: 50, maxDeliveries: 10, retryDelayMs: 50 },
 * };
 * const consumer = new Consumer(options);
 * const handled = new Promise<void>((resolve) => consumer.events.on('handled', () => resolve()));
 * await consumer.start();
 * await transport.publish('legacy.stock', [{ key: 'sku-1', id: 'l-1', body: 'sku-1;12;7' }]);
 * await handled;
 * assert.equal(stock.get('sku-1'), 12);
 * assert.equal(consumer.stats().lastId, 'legacy:sku-1:7');
 * await consumer.stop();
 * ```
 *
 * @group Consumers
 */
export interface ConsumerOptions {
  /** Where the changes come from: a `RedisStreamTransport`, a `MemoryTransport`… Required. */
  transport: MessageTransport;
  /** The topic to consume. Required. */
  topic: string;
  /**
   * The consumer group: every group gets every change once; the members of a group
   * share the changes. Required.
   */
  group: string;
  /**
   * This member's name in the group, unique in it and stable across restarts of the
   * same process (e.g. the host name): a restarted member resumes its own pending
   * changes at once. Required.
   */
  name: string;
  /** What to do with each change. Required. */
  handler: ChangeHandler;
  /**
   * Skips changes already processed (by `id`), marking each after its handler succeeded.
   * @default none: a redelivered change is handled again
   */
  deduplicator?: Deduplicator;
  /**
   * Turns a message body into a change; throwing sends the message to the dead-letter
   * stream with the error's message as the reason.
   * @default `decodeChangeEvent` (JSON, shape checked)
   */
  decode?: (body: string) => ChangeEvent;
  /**
   * Delivery settings of the subscription (batch size, deliveries before dead letter,
   * retry delays).
   * @default the transport's
   */
  delivery?: SubscribeOptions;
}
