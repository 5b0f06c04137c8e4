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
 * import { Consumer, cacheInvalidationConsumer, type MessageTransport } from '@mallkit/sync';
 *
 * const consumer = new Consumer({
 *   transport,
 *   topic: 'shop.products',
 *   group: 'product-cache',
 *   name: 'node-1',
 *   handler: cacheInvalidationConsumer({
 *     cache,
 *     keys: (change) => [`product:${change.key}`, `product-page:${change.key}`],
 *   }),
 * });
 * await consumer.start();
 * declare const transport: MessageTransport;
 * declare const cache: { invalidate(keys: readonly string[]): Promise<void> }; // a @mallkit/cache Cache
 * ```
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
