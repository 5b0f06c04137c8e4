/** Which tier answered a read. */
export type CacheTier = 'l1' | 'l2' | 'loader';

/** What every cache event carries. */
export interface CacheEventBase {
  /** The cache's namespace. */
  namespace: string;
}

/** About one key. */
export interface CacheKeyEvent extends CacheEventBase {
  /** The key, without namespace. */
  key: string;
}

/** A read was answered from a tier without loading. */
export interface CacheHitEvent extends CacheKeyEvent {
  /** The tier that answered. */
  tier: 'l1' | 'l2';
}

/** A stale entry was served. */
export interface CacheStaleEvent extends CacheKeyEvent {
  /** While one refresh runs (`revalidate`), or because L2 or the loader failed (`grace`). */
  reason: 'revalidate' | 'grace';
}

/** An L2 call failed or timed out. */
export interface CacheL2ErrorEvent extends CacheEventBase {
  /** What the cache was doing. */
  operation: 'get' | 'set' | 'delete' | 'lock';
  /** The failure. */
  error: unknown;
}

/** A value was not cached: too large. */
export interface CacheValueTooLargeEvent extends CacheKeyEvent {
  /** Its encoded size (UTF-16 estimate). */
  bytes: number;
}

/** The whole L1 was dropped. */
export interface CacheL1ClearEvent extends CacheEventBase {
  /** Cleared here, by another node, after a detected message gap, or after a bus reconnect. */
  reason: 'local' | 'remote' | 'gap' | 'reset';
}

/** Keys were invalidated. */
export interface CacheInvalidateEvent extends CacheEventBase {
  /** The keys, without namespace. */
  keys: readonly string[];
  /** By this node, or by another node through the broadcast. */
  origin: 'local' | 'remote';
}

/** A key was promoted to, or demoted from, L1 as hot. */
export interface CacheHotKeyEvent extends CacheKeyEvent {
  /** Promoted (true) or demoted (false). */
  hot: boolean;
  /** Found hot by this node, or by another node. */
  source: 'local' | 'remote';
}

/** A background operation failed. */
export interface CacheErrorEvent extends CacheEventBase {
  /** Which one. */
  operation: 'refresh' | 'broadcast';
  /** The failure. */
  error: unknown;
}

/** Events of a {@link Cache}, also published on `diagnostics_channel` as `mallkit:cache:<event>`. */
export interface CacheEvents {
  /** A read was answered from L1 or L2 without loading. */
  hit: CacheHitEvent;
  /** A read found nothing fresh in any tier and went to the loader (or had none). */
  miss: CacheKeyEvent;
  /** A stale entry was served. */
  stale: CacheStaleEvent;
  /** An L2 call failed or timed out; the read went on without it. */
  'l2.error': CacheL2ErrorEvent;
  /** A value was not cached because it is larger than `maxValueBytes`. */
  'value.tooLarge': CacheValueTooLargeEvent;
  /** The whole L1 was dropped. */
  'l1.clear': CacheL1ClearEvent;
  /** Keys were invalidated here, or by another node. */
  invalidate: CacheInvalidateEvent;
  /** A key was promoted to (or demoted from) L1 as hot. */
  hotKey: CacheHotKeyEvent;
  /** A background refresh (stale-while-revalidate) stored a new value. */
  refreshed: CacheKeyEvent;
  /** A background refresh or broadcast failed. */
  error: CacheErrorEvent;
}
