/** The counters behind {@link CacheStats}. */
export interface CacheCounters {
  l1: number;
  l2: number;
  misses: number;
  negativeHits: number;
  loads: number;
  loadErrors: number;
  staleServed: number;
  l2Errors: number;
  l1Clears: number;
}

/** Fresh counters, all zero. */
export function newCacheCounters(): CacheCounters {
  return {
    l1: 0,
    l2: 0,
    misses: 0,
    negativeHits: 0,
    loads: 0,
    loadErrors: 0,
    staleServed: 0,
    l2Errors: 0,
    l1Clears: 0,
  };
}
