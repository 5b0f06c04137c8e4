import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { CacheInvalidator } from './CacheInvalidator.js';

/** Settings of {@link cacheInvalidationConsumer}. */
export interface CacheInvalidationConsumerOptions {
  /** The cache (a `@mallkit/cache` `Cache`, or any {@link CacheInvalidator}). Required. */
  cache: CacheInvalidator;
  /**
   * The cache keys a change makes stale, e.g. `(c) => [\`product:${c.key}\`]`; none skips
   * the change. Required.
   */
  keys: (change: ChangeEvent) => readonly string[];
}
