/** Which tier answered a read. */
export type CacheTier = 'l1' | 'l2' | 'loader';

/** Events of a {@link Cache}, also published on `diagnostics_channel` as `mallkit:cache:<event>`. */
export interface CacheEvents {
  /** A read was answered from a tier without loading (`l1` or `l2`). */
  hit: { namespace: string; key: string; tier: 'l1' | 'l2' };
  /** A read found nothing fresh in any tier and went to the loader (or had none). */
  miss: { namespace: string; key: string };
  /** A stale entry was served: while one refresh runs, or because L2 or the loader failed. */
  stale: { namespace: string; key: string; reason: 'revalidate' | 'grace' };
  /** An L2 call failed or timed out; the read went on without it. */
  'l2.error': { namespace: string; operation: 'get' | 'set' | 'delete' | 'lock'; error: unknown };
  /** A value was not cached because it is larger than `maxValueBytes`. */
  'value.tooLarge': { namespace: string; key: string; bytes: number };
  /** The whole L1 was dropped: cleared here or elsewhere, or invalidations may have been lost. */
  'l1.clear': { namespace: string; reason: 'local' | 'remote' | 'gap' | 'reset' };
  /** Keys were invalidated here and broadcast. */
  invalidate: { namespace: string; keys: readonly string[]; origin: 'local' | 'remote' };
  /** A key was promoted to (or demoted from) L1 as hot. */
  hotKey: { namespace: string; key: string; hot: boolean; source: 'local' | 'remote' };
  /** A background refresh (stale-while-revalidate) stored a new value. */
  refreshed: { namespace: string; key: string };
  /** A background refresh or broadcast failed. */
  error: { namespace: string; operation: 'refresh' | 'broadcast'; error: unknown };
}
