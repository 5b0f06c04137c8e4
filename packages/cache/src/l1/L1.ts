import { LRUCache } from 'lru-cache';
import type { Entry } from '../entry/Entry.js';

/** L1 settings with every default applied. */
export interface L1Settings {
  admission: 'all' | 'hot';
  maxEntries: number;
  maxBytes: number;
  ttlMs: number;
}

/**
 * The in-process tier: an lru-cache bounded in entries and bytes. An entry is served
 * as fresh for at most `ttlMs` (or the hot-key TTL), then kept until it is too stale
 * even for grace, so a node whose Redis is down still has its last good values.
 */
export class L1<T> {
  readonly settings: L1Settings;
  readonly #lru: LRUCache<string, Entry<T>>;

  constructor(settings: L1Settings) {
    this.settings = settings;
    this.#lru = new LRUCache<string, Entry<T>>({
      max: settings.maxEntries,
      maxSize: settings.maxBytes,
      sizeCalculation: () => 1,
      ttlAutopurge: false,
      allowStale: false,
    });
  }

  /** Entries held now. */
  get size(): number {
    return this.#lru.size;
  }

  /** The entry for `key`, fresh or stale; `undefined` when none is held. */
  get(key: string): Entry<T> | undefined {
    return this.#lru.get(key);
  }

  /**
   * Keeps `entry` for `key`, fresh for at most `freshForMs` from `now`. `bytes` is the
   * entry's estimated size.
   */
  set(key: string, entry: Entry<T>, now: number, freshForMs: number, bytes: number): void {
    const freshUntil = Math.min(entry.freshUntil, now + freshForMs);
    const keepUntil = Math.max(freshUntil, entry.staleUntil);
    if (keepUntil <= now) return;
    const held = freshUntil === entry.freshUntil ? entry : { ...entry, freshUntil };
    this.#lru.set(key, held, { ttl: keepUntil - now, size: Math.max(1, bytes + key.length * 2) });
  }

  /** Drops `key`. */
  delete(key: string): void {
    this.#lru.delete(key);
  }

  /** Drops everything. */
  clear(): void {
    this.#lru.clear();
  }
}
