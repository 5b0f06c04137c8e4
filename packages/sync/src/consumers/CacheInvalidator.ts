/**
 * What {@link cacheInvalidationConsumer} needs of a cache: dropping keys everywhere. A
 * `@mallkit/cache` `Cache` fits as it is.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   type CacheInvalidator, type ChangeEvent, cacheInvalidationConsumer,
 * } from '@mallkit/sync';
 *
 * // rendered pages kept in a store of your own (a CDN, a Map...)
 * const pages = new Map([['page:/p/42', '<h1>Phone</h1>'], ['page:/p/7', '<h1>Case</h1>']]);
 * const pageStore: CacheInvalidator = {
 *   invalidate: async (keys) => {
 *     for (const key of keys) pages.delete(key);
 *   },
 * };
 * const handle = cacheInvalidationConsumer({
 *   cache: pageStore,
 *   keys: (change) => [`page:/p/${change.key}`],
 * });
 * const change: ChangeEvent = {
 *   id: 'binlog:1', source: 'binlog', table: 'shop.products', op: 'update', key: '42',
 *   at: Date.now(), position: 'binlog:2',
 * };
 * const body = JSON.stringify(change);
 * await handle(change, { topic: 'shop.products', key: '42', id: change.id, body, deliveries: 1 });
 * assert.deepEqual([...pages.keys()], ['page:/p/7']);
 * ```
 *
 * @group Consumers
 */
export interface CacheInvalidator {
  /** Drops `keys` (from every tier and node); rejects when that failed. */
  invalidate(keys: readonly string[]): Promise<void>;
}
