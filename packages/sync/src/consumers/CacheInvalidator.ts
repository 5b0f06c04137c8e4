/**
 * What {@link cacheInvalidationConsumer} needs of a cache: dropping keys everywhere. A
 * `@mallkit/cache` `Cache` fits as it is.
 */
export interface CacheInvalidator {
  /** Drops `keys` (from every tier and node); rejects when that failed. */
  invalidate(keys: readonly string[]): Promise<void>;
}
