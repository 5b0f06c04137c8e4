import type { Clock, DependencyPolicy, EventHub } from '@mallkit/resilience';
import type { CacheEvents } from '../CacheEvents.js';
import type { Entry } from '../entry/Entry.js';
import { decodeEntry, encodeEntry } from '../entry/entryCodec.js';
import type { HotKeySource } from '../HotKeySource.js';
import { dispersedKey, dispersedKeys } from '../hotkeys/dispersedKey.js';
import { pickCopy } from '../hotkeys/pickCopy.js';
import type { L1 } from '../l1/L1.js';
import type { L2Store, L2Write } from '../l2/L2Store.js';
import type { CacheSettings } from '../resolveCacheOptions.js';
import type { CacheCounters } from './CacheCounters.js';
import type { L2Read } from './L2Read.js';

/**
 * The two tiers of one cache and the bookkeeping around them: reading L2 through the
 * policy, encoding and writing entries to both tiers (TTL jitter, negative entries,
 * size limit), L1 admission, and the counters and events of hits, misses and errors.
 * The {@link Cache} decides what to read and load; this does the reading and writing.
 */
export class Tiers<T> {
  /** Keys invalidated while a load of them was in flight: that load must not be cached. */
  readonly dirty = new Set<string>();

  /** The shared tier, from the settings. */
  readonly l2: L2Store | undefined;
  /** The hot-key source, from the settings. */
  readonly hot: HotKeySource | undefined;

  constructor(
    readonly settings: CacheSettings<T>,
    readonly l1: L1<T> | undefined,
    readonly policy: DependencyPolicy,
    readonly count: CacheCounters,
    readonly events: EventHub<CacheEvents>,
  ) {
    this.l2 = settings.l2;
    this.hot = settings.hotKeys;
  }

  /** The cache clock. */
  get clock(): Clock {
    return this.settings.clock;
  }

  /**
   * Reads `keys` from L2 through the policy; an L2 failure reads as misses. Each entry
   * comes with the size of its stored text, which is what L1 counts against `maxBytes`.
   */
  async readL2(keys: string[]): Promise<Array<L2Read<T> | undefined>> {
    const l2 = this.l2;
    if (!l2) return [];
    try {
      const full = keys.map((k) => this.readKey(k));
      const texts = await this.policy.execute(() => l2.getMany(full), { idempotent: true });
      return texts.map((t) => {
        if (t === null || t === undefined) return undefined;
        const entry = decodeEntry(t, this.settings.serializer);
        return entry === undefined ? undefined : { entry, bytes: t.length * 2 };
      });
    } catch (error) {
      this.l2Error('get', error);
      return [];
    }
  }

  /**
   * Encodes and writes entries to L1 and L2; a "not found" becomes a negative entry.
   * An L2 failure is counted and reported (`l2.error`), then returned, so that
   * {@link Cache.set} can reject; a write of loaded values ignores it.
   *
   * @returns `undefined` once L2 holds the writes (or there is nothing to write there),
   *   else `{ error }`: what the L2 write failed with
   */
  async store(
    values: Array<[string, T | undefined | null]>,
    ttlMs: number | undefined,
    explicit: boolean,
  ): Promise<{ error: unknown } | undefined> {
    const now = this.clock.now();
    const s = this.settings;
    const writes: L2Write[] = [];
    for (const [key, value] of values) {
      if (!explicit && this.dirty.delete(key)) continue; // invalidated while loading
      const missing = s.isNotFound(value);
      const ttl = missing ? s.negativeTtlMs : (ttlMs ?? s.ttlMs);
      if (ttl <= 0) continue;
      const fresh = Math.max(1, Math.round(ttl * (1 - s.ttlJitter * Math.random())));
      const entry: Entry<T> = {
        kind: missing ? 'missing' : 'value',
        value: missing ? undefined : (value as T),
        freshUntil: now + fresh,
        staleUntil: now + fresh + (missing ? 0 : Math.max(s.staleWhileRevalidateMs, s.graceMs)),
      };
      const text = encodeEntry(entry, this.settings.serializer);
      const bytes = text.length * 2;
      if (bytes > s.maxValueBytes) {
        if (this.events.wants('value.tooLarge'))
          this.events.emit('value.tooLarge', { namespace: this.settings.namespace, key, bytes });
        continue;
      }
      this.fillL1(key, entry, now, bytes);
      for (const stored of this.storedKeys(key))
        writes.push({ key: stored, value: text, ttlMs: entry.staleUntil - now });
    }
    const l2 = this.l2;
    if (!l2 || writes.length === 0) return undefined;
    try {
      await this.policy.execute(() => l2.setMany(writes), { idempotent: true });
      return undefined;
    } catch (error) {
      this.l2Error('set', error);
      return { error };
    }
  }

  /**
   * Keeps `entry` in L1 if the admission rule lets it in. `bytes` is its estimated
   * size (the encoded text, 2 bytes per UTF-16 code unit), counted against `maxBytes`.
   */
  fillL1(key: string, entry: Entry<T>, now: number, bytes: number): void {
    const l1 = this.l1;
    if (!l1) return;
    let freshFor = l1.settings.ttlMs;
    if (l1.settings.admission === 'hot') {
      if (!this.hot?.isHot(key, this.settings.namespace)) return;
      freshFor = this.hot.promotionTtlMs;
    }
    l1.set(key, entry, now, freshFor, bytes);
  }

  /** Counts a hit and returns what `entry` answers. */
  answer(key: string, entry: Entry<T>, tier: 'l1' | 'l2'): T | undefined {
    if (entry.kind === 'missing') {
      this.count.negativeHits++;
      return undefined;
    }
    this.count[tier]++;
    if (this.events.wants('hit'))
      this.events.emit('hit', { namespace: this.settings.namespace, key, tier });
    return entry.value;
  }

  /** Counts a stale answer and returns what `entry` answers. */
  serveStale(key: string, entry: Entry<T>, reason: 'revalidate' | 'grace'): T | undefined {
    this.count.staleServed++;
    if (this.events.wants('stale'))
      this.events.emit('stale', { namespace: this.settings.namespace, key, reason });
    return entry.kind === 'value' ? entry.value : undefined;
  }

  /** Counts a miss. */
  miss(key: string): void {
    this.count.misses++;
    if (this.events.wants('miss'))
      this.events.emit('miss', { namespace: this.settings.namespace, key });
  }

  /** Counts an L2 failure. */
  l2Error(operation: CacheEvents['l2.error']['operation'], error: unknown): void {
    this.count.l2Errors++;
    if (this.events.wants('l2.error'))
      this.events.emit('l2.error', { namespace: this.settings.namespace, operation, error });
  }

  /** `key` with the namespace prefix, as stored in L2. */
  fullKey(key: string): string {
    return `${this.settings.namespace}:${key}`;
  }

  /** The L2 key to read `key` from: one of its dispersed copies, picked at random, if it has any. */
  readKey(key: string): string {
    const copies = this.settings.disperse(key);
    return copies > 1 ? dispersedKey(this.fullKey(key), pickCopy(copies)) : this.fullKey(key);
  }

  /** Every L2 key `key` is stored under: its dispersed copies, or just its full key. */
  storedKeys(key: string): string[] {
    const copies = this.settings.disperse(key);
    return copies > 1 ? dispersedKeys(this.fullKey(key), copies) : [this.fullKey(key)];
  }
}
