import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { CacheInvalidator } from './CacheInvalidator.js';

/**
 * Settings of {@link cacheInvalidationConsumer}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   type CacheInvalidationConsumerOptions, cacheInvalidationConsumer, type ChangeEvent, Consumer,
 *   MemoryTransport, TransportSink,
 * } from '@mallkit/sync';
 *
 * const dropped: string[][] = [];
 * const options: CacheInvalidationConsumerOptions = {
 *   cache: { invalidate: async (keys) => void dropped.push([...keys]) }, // or a Cache
 *   keys: (change) =>
 *     change.op === 'event' ? [] : [`product:${change.key}`, `product-page:${change.key}`],
 * };
 * const transport = new MemoryTransport({ partitions: 1 });
 * const consumer = new Consumer({
 *   transport, topic: 'shop.products', group: 'cache', name: 'node-1',
 *   handler: cacheInvalidationConsumer(options),
 * });
 * const done = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * await consumer.start();
 * const change = (op: 'update' | 'event', key: string): ChangeEvent => ({
 *   id: `${op}:${key}`, source: 'binlog', table: 'shop.products', op, key, at: 0, position: '',
 * });
 * await new TransportSink({ transport }).publish([change('update', '42'), change('event', '43')]);
 * await done;
 * assert.deepEqual(dropped, [['product:42', 'product-page:42']]); // no keys: nothing dropped
 * await consumer.stop();
 * ```
 *
 * @group Consumers
 */
export interface CacheInvalidationConsumerOptions {
  /** The cache (a `@mallkit/cache` `Cache`, or any {@link CacheInvalidator}). Required. */
  cache: CacheInvalidator;
  /**
   * The cache keys a change makes stale, e.g. `(c) => [\`product:${c.key}\`]`; none skips
   * the change. Required.
   */
  keys: (change: ChangeEvent) => readonly string[];
}
