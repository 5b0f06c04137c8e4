/**
 * A snapshot of a {@link Cache}'s counters and sizes. Counters only grow.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheStats, createCache, MemoryL2 } from '@mallkit/cache';
 *
 * const products = createCache<string>({ namespace: 'doc:CacheStats', l2: new MemoryL2() });
 * await products.get('sku-1', async () => 'Phone X'); // miss: loaded
 * await products.get('sku-1'); // L1 hit
 * await products.get('sku-404', async () => null); // miss: cached as "not found"
 * await products.get('sku-404', async () => null); // negative hit
 *
 * const stats: CacheStats = products.stats();
 * assert.equal(stats.namespace, 'doc:CacheStats');
 * assert.deepEqual(stats.hits, { l1: 1, l2: 0 });
 * assert.equal(stats.misses, 2);
 * assert.equal(stats.loads, 2);
 * assert.equal(stats.negativeHits, 1);
 * assert.equal(stats.l1Entries, 2);
 * const hitRatio = (stats.hits.l1 + stats.hits.l2 + stats.negativeHits) / 4; // 4 reads
 * assert.equal(hitRatio, 0.5);
 * await products.close();
 * ```
 *
 * @group Cache
 */
export interface CacheStats {
  /** The cache's namespace. */
  namespace: string;
  /** Reads answered by each tier; reads that went to the loader count in `misses` and `loads`. */
  hits: {
    /** Answered from the in-process tier. */
    l1: number;
    /** Answered from Redis (or the configured L2). */
    l2: number;
  };
  /** Reads that found nothing fresh (loaded, or answered `undefined` without a loader). */
  misses: number;
  /** Reads answered by a cached "not found". */
  negativeHits: number;
  /** Loader calls (a batch counts once). */
  loads: number;
  /** Loader calls that threw. */
  loadErrors: number;
  /** Stale values served (revalidation or grace). */
  staleServed: number;
  /** L2 calls that failed or timed out. */
  l2Errors: number;
  /** Entries in L1 now. */
  l1Entries: number;
  /** Whole-L1 drops (clears, detected gaps, reconnects). */
  l1Clears: number;
  /** Bus messages sent and received, and gaps detected. */
  broadcast: {
    /** Messages published. */
    sent: number;
    /** Messages received from other nodes. */
    received: number;
    /** Lost messages detected. */
    gaps: number;
  };
  /**
   * Keys of this namespace hot now, by the local detector or other nodes (a detector
   * shared with other caches counts each namespace apart).
   */
  hotKeys: number;
}
