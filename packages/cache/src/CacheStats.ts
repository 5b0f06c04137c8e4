/** A snapshot of a {@link Cache}'s counters and sizes. Counters only grow. */
export interface CacheStats {
  /** The cache's namespace. */
  namespace: string;
  /** Reads answered by each tier, and reads that went to the loader. */
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
  /** Keys hot now, by the local detector or other nodes. */
  hotKeys: number;
}
