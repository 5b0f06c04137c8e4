import { SyncError } from '../errors/SyncError.js';
import type { CacheInvalidationConsumerOptions } from './CacheInvalidationConsumerOptions.js';
import type { ChangeHandler } from './ChangeHandler.js';

/**
 * A {@link ChangeHandler} that invalidates the cache keys each change makes stale. An
 * invalidation is idempotent, so redeliveries need no deduplicator; a failed
 * invalidation rejects, and the change is delivered again.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache } from '@mallkit/cache';
 * import {
 *   cacheInvalidationConsumer, Consumer, MemoryTransport, TransportSink,
 * } from '@mallkit/sync';
 *
 * const cache = createCache<string>({ namespace: 'doc-cacheInvalidationConsumer' });
 * let loads = 0;
 * const load = async () => `phone, load ${++loads}`;
 * assert.equal(await cache.get('product:42', load), 'phone, load 1');
 *
 * const transport = new MemoryTransport();
 * const consumer = new Consumer({
 *   transport,
 *   topic: 'shop.products',
 *   group: 'product-cache',
 *   name: 'node-1',
 *   handler: cacheInvalidationConsumer({ cache, keys: (change) => [`product:${change.key}`] }),
 * });
 * const handled = new Promise<void>((resolve) => consumer.events.on('handled', () => resolve()));
 * await consumer.start();
 * await new TransportSink({ transport }).publish([{ // what a binlog source publishes
 *   id: 'binlog:9', source: 'binlog', table: 'shop.products', op: 'update', key: '42',
 *   after: { id: 42, price: 899 }, at: Date.now(), position: 'binlog:10',
 * }]);
 * await handled;
 * assert.equal(await cache.get('product:42', load), 'phone, load 2'); // stale entry dropped
 * await consumer.stop();
 * await cache.close();
 * ```
 *
 * @group Consumers
 */
export function cacheInvalidationConsumer(
  options: CacheInvalidationConsumerOptions,
): ChangeHandler {
  const { cache, keys } = options ?? {};
  if (typeof cache?.invalidate !== 'function' || typeof keys !== 'function') {
    throw new SyncError('INVALID_OPTION', 'cacheInvalidationConsumer: cache and keys are required');
  }
  return async (change) => {
    const stale = keys(change);
    if (stale.length > 0) await cache.invalidate(stale);
  };
}
