/**
 * A cached answer as both tiers hold it: a value, or the knowledge that there is none
 * (negative caching), with its logical freshness on the wall clock (epoch ms).
 */
export interface Entry<T> {
  /** `'value'`, or `'missing'` for a cached "not found". */
  kind: 'value' | 'missing';
  /** The value, for `'value'` entries. */
  value: T | undefined;
  /** Until when the entry is fresh. */
  freshUntil: number;
  /** Until when it may still be served stale (revalidation or grace). */
  staleUntil: number;
}
