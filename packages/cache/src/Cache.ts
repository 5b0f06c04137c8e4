import { type Clock, DependencyPolicy, EventHub } from '@mallkit/resilience';
import { Broadcaster } from './broadcast/Broadcaster.js';
import type { CacheEvents } from './CacheEvents.js';
import type { CacheOptions } from './CacheOptions.js';
import type { CacheStats } from './CacheStats.js';
import type { Entry } from './entry/Entry.js';
import { CacheError } from './errors/CacheError.js';
import type { HotKeyEntry, HotKeySource } from './HotKeySource.js';
import type { KeyRules } from './keys/KeyRules.js';
import { requireKey, requireKeys } from './keys/requireKeys.js';
import { L1 } from './l1/L1.js';
import type { BatchLoader } from './load/BatchLoader.js';
import type { Loader } from './load/Loader.js';
import { loadMany } from './load/loadMany.js';
import { loadOne } from './load/loadOne.js';
import { type CacheSettings, resolveCacheOptions } from './resolveCacheOptions.js';
import type { SetOptions } from './SetOptions.js';
import { SingleFlight } from './singleflight/SingleFlight.js';
import { type CacheCounters, newCacheCounters } from './tiers/CacheCounters.js';
import { Tiers } from './tiers/Tiers.js';

/**
 * A typed cache for one namespace: L1 in process, then L2 (Redis or Cluster), then
 * your loader — cache-aside. Reads fill both tiers; writes go to the database first,
 * then {@link Cache.invalidate} drops the key everywhere (L2, this node's L1, and
 * every other node's L1 through the broadcast).
 *
 * Create it with {@link createCache} or `new Cache<T>(options)`: the two are the same.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, MemoryBus, MemoryL2 } from '@mallkit/cache';
 *
 * // Two app nodes: one shared L2 and one bus (`RedisL2` and `RedisBus` in production).
 * const l2 = new MemoryL2();
 * const bus = new MemoryBus();
 * const a = createCache<number>({ namespace: 'doc:Cache', l2, broadcast: { bus } });
 * const b = createCache<number>({ namespace: 'doc:Cache', l2, broadcast: { bus } });
 * await Promise.all([a.ready(), b.ready()]);
 *
 * let price = 1999; // the database
 * const load = async () => price;
 * assert.equal(await a.get('sku-1', load), 1999); // loaded, then stored in L2 and a's L1
 * assert.equal(await b.get('sku-1', load), 1999); // from L2, now in b's L1 too
 * assert.equal(a.stats().loads + b.stats().loads, 1);
 *
 * price = 1799; // cache-aside: write the database, then invalidate everywhere
 * const heard = new Promise((resolve) => b.events.on('invalidate', resolve));
 * await a.invalidate('sku-1');
 * await heard; // b dropped its L1 copy
 * assert.equal(await b.get('sku-1', load), 1799);
 *
 * await a.close();
 * await b.close();
 * ```
 *
 * @group Cache
 */
export class Cache<T> {
  /** The namespace (key prefix) of this cache. */
  readonly namespace: string;
  /** Typed events, also on `diagnostics_channel` as `mallkit:cache:<event>`. */
  readonly events = new EventHub<CacheEvents>('mallkit:cache');
  readonly #s: CacheSettings<T>;
  readonly #t: Tiers<T>;
  readonly #l1: L1<T> | undefined;
  readonly #clock: Clock;
  readonly #keyRules: Required<KeyRules>;
  readonly #flights = new SingleFlight<T | undefined>();
  readonly #refreshes = new SingleFlight<void>();
  readonly #hot: HotKeySource | undefined;
  readonly #broadcaster: Broadcaster | undefined;
  readonly #ready: Promise<void>;
  readonly #count: CacheCounters = newCacheCounters();
  readonly #unwatchHot: (() => void) | undefined;
  #reannounce: NodeJS.Timeout | undefined;
  #closed = false;

  /** @param options - see {@link CacheOptions} */
  constructor(options: CacheOptions<T>) {
    const s = resolveCacheOptions(options);
    this.#s = s;
    this.namespace = s.namespace;
    this.#clock = s.clock;
    this.#keyRules = s.keys;
    this.#l1 = s.l1 ? new L1<T>(s.l1) : undefined;
    this.#hot = s.hotKeys;
    const policy =
      s.policy ?? new DependencyPolicy({ name: `cache:${s.namespace}:l2`, preset: 'redis' });
    this.#t = new Tiers(s, this.#l1, policy, this.#count, this.events);
    this.#unwatchHot = s.hotKeys?.onChange((change) => {
      // A detector shared with other caches tells every one of them: keep this namespace's.
      if (change.namespace !== undefined && change.namespace !== s.namespace) return;
      this.#onHotChange(change.key, change.hot, change.source ?? 'local');
    });
    if (s.broadcast) {
      this.#broadcaster = new Broadcaster(s.broadcast.bus, s.namespace, s.broadcast, {
        invalidate: (keys) => {
          for (const key of keys) this.#l1?.delete(key);
          if (this.events.wants('invalidate')) {
            this.events.emit('invalidate', { namespace: this.namespace, keys, origin: 'remote' });
          }
        },
        clear: (reason) => this.#clearLocal(reason),
        hot: (keys, ttlMs) => {
          for (const key of keys) this.#hot?.markHot(key, ttlMs, this.namespace);
        },
        error: (error) => this.#error('broadcast', error),
      });
      this.#ready = this.#broadcaster.start();
      const hot = s.hotKeys;
      if (hot && s.broadcast.shareHotKeys) {
        // Other nodes hold a shared key only for one promotion TTL: re-announce what is
        // still hot here every half TTL so it stays promoted everywhere while it is hot.
        this.#reannounce = setInterval(
          () => {
            this.#shareHot(
              this.#hotEntries().flatMap((k) => (k.source === 'local' ? [k.key] : [])),
            );
          },
          Math.max(100, hot.promotionTtlMs / 2),
        );
        this.#reannounce.unref();
      }
    } else {
      this.#ready = Promise.resolve();
    }
    this.#ready.catch(() => {});
  }

  /** Resolves once the cache listens to the broadcast; reads before that may miss an invalidation. */
  ready(): Promise<void> {
    return this.#ready;
  }

  /**
   * The value of `key`: from L1 if fresh, else from L2, else from `loader` (one call
   * per key at a time in this process), filling both tiers. `undefined` when not found.
   * A loader error reaches the caller (and every concurrent caller of the same key)
   * and nothing is cached — unless a stale value within `graceMs` can answer instead.
   */
  get(key: string, loader?: Loader<T>): Promise<T | undefined> {
    if (this.#closed) return Promise.reject(closedError(this.namespace));
    try {
      requireKey(key, this.#keyRules.maxKeyLength);
    } catch (error) {
      return Promise.reject(error);
    }
    this.#hot?.record(key, this.namespace);
    const held = this.#l1?.get(key);
    if (held !== undefined && held.freshUntil > this.#clock.now())
      return Promise.resolve(this.#t.answer(key, held, 'l1'));
    return this.#flights.run(key, () =>
      loadOne(this.#t, key, loader, held, (k, load) => this.#refresh(k, load)),
    );
  }

  /**
   * The values of `keys`, in their order: L1 first, then ONE batched L2 read for the
   * misses (slot-grouped on a Cluster), then ONE `batchLoader` call for what is still
   * missing, then both tiers filled. Keys already loading elsewhere in this process
   * are awaited, not loaded twice.
   */
  async getMany(
    keys: readonly string[],
    batchLoader?: BatchLoader<T>,
  ): Promise<Array<T | undefined>> {
    if (this.#closed) throw closedError(this.namespace);
    requireKeys(keys, this.#keyRules);
    const results = new Array<T | undefined>(keys.length);
    const wanted = new Map<string, number[]>();
    const now = this.#clock.now();
    const stale = new Map<string, Entry<T>>();
    keys.forEach((key, i) => {
      this.#hot?.record(key, this.namespace);
      const held = this.#l1?.get(key);
      if (held !== undefined && held.freshUntil > now) {
        results[i] = this.#t.answer(key, held, 'l1');
        return;
      }
      if (held !== undefined) stale.set(key, held);
      const positions = wanted.get(key);
      if (positions) positions.push(i);
      else wanted.set(key, [i]);
    });
    if (wanted.size === 0) return results;

    const answered = new Map<string, T | undefined>();
    const inFlight: Array<Promise<void>> = [];
    const toRead: string[] = [];
    for (const key of wanted.keys()) {
      const flight = this.#flights.get(key);
      if (flight) inFlight.push(flight.then((v) => void answered.set(key, v)));
      else toRead.push(key);
    }
    if (toRead.length > 0) {
      let release!: (values: Map<string, T | undefined>) => void;
      let fail!: (error: unknown) => void;
      const batch = new Promise<Map<string, T | undefined>>((resolve, reject) => {
        release = resolve;
        fail = reject;
      });
      batch.catch(() => {});
      for (const key of toRead) this.#flights.run(key, () => batch.then((m) => m.get(key)));
      try {
        release(await loadMany(this.#t, toRead, batchLoader, stale));
      } catch (error) {
        fail(error);
      }
      const loaded = await batch;
      for (const [key, value] of loaded) answered.set(key, value);
    }
    await Promise.all(inFlight);
    for (const [key, positions] of wanted) {
      const value = answered.get(key);
      for (const i of positions) results[i] = value;
    }
    return results;
  }

  /**
   * Stores `value` for `key` in L2 and L1 and tells other nodes to drop their copy.
   * For cache-aside writes prefer updating the database, then {@link Cache.invalidate}.
   *
   * Rejects with `L2_UNAVAILABLE` (cause: the Redis or policy error, also reported by
   * the `l2.error` event) if L2 could not store the value, including while the L2
   * circuit is open: other nodes may then still read the old L2 value. This node then
   * drops `key` from its L1 rather than serve a value no other node can see, and the
   * broadcast is sent regardless, so every node reads what L2 holds.
   */
  async set(key: string, value: T, options: SetOptions = {}): Promise<void> {
    if (this.#closed) throw closedError(this.namespace);
    requireKey(key, this.#keyRules.maxKeyLength);
    if (this.#loading(key)) this.#t.dirty.add(key);
    const failure = await this.#t.store([[key, value]], options.ttlMs, true);
    if (failure !== undefined) this.#l1?.delete(key);
    await this.#broadcast([key]);
    if (failure !== undefined) {
      throw new CacheError('L2_UNAVAILABLE', `could not write 1 key of "${this.namespace}" to L2`, {
        cause: failure.error,
      });
    }
  }

  /**
   * Drops `keys` from L2 and from every node's L1. Call it after the database write.
   * Rejects with `L2_UNAVAILABLE` if Redis could not delete them (L1s are dropped and
   * the broadcast sent regardless), so the caller knows the L2 copy may be stale until
   * its TTL.
   */
  async invalidate(keys: string | readonly string[]): Promise<void> {
    if (this.#closed) throw closedError(this.namespace);
    const list = requireKeys(typeof keys === 'string' ? [keys] : keys, this.#keyRules);
    for (const key of list) {
      if (this.#loading(key)) this.#t.dirty.add(key);
      this.#l1?.delete(key);
    }
    if (this.events.wants('invalidate')) {
      this.events.emit('invalidate', { namespace: this.namespace, keys: list, origin: 'local' });
    }
    let failure: unknown;
    const l2 = this.#t.l2;
    if (l2 && list.length > 0) {
      const full = list.flatMap((k) => this.#t.storedKeys(k));
      await this.#t.policy
        .execute(() => l2.delete(full), { idempotent: true })
        .catch((error: unknown) => {
          failure = error;
          this.#t.l2Error('delete', error);
        });
    }
    await this.#broadcast(list);
    if (failure !== undefined) {
      throw new CacheError(
        'L2_UNAVAILABLE',
        `could not delete ${list.length} key(s) of "${this.namespace}" from L2`,
        {
          cause: failure,
        },
      );
    }
  }

  /** Drops this namespace from every node's L1 (L2 keeps its entries until their TTL). */
  async clearL1(): Promise<void> {
    this.#clearLocal('local');
    await this.#broadcaster?.clear().catch((error: unknown) => this.#error('broadcast', error));
  }

  /** Counters and sizes now. */
  stats(): CacheStats {
    const c = this.#count;
    const b = this.#broadcaster?.counts;
    return {
      namespace: this.namespace,
      hits: { l1: c.l1, l2: c.l2 },
      misses: c.misses,
      negativeHits: c.negativeHits,
      loads: c.loads,
      loadErrors: c.loadErrors,
      staleServed: c.staleServed,
      l2Errors: c.l2Errors,
      l1Entries: this.#l1?.size ?? 0,
      l1Clears: c.l1Clears,
      broadcast: { sent: b?.sent ?? 0, received: b?.received ?? 0, gaps: b?.gaps ?? 0 },
      hotKeys: this.#hotEntries().length,
    };
  }

  /** Stops listening to the bus and the hot-key source. What was passed in stays open. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unwatchHot?.();
    clearInterval(this.#reannounce);
    await this.#broadcaster?.close();
  }

  /** Whether a load or a background refresh of `key` is under way (its result may be stale). */
  #loading(key: string): boolean {
    return this.#flights.get(key) !== undefined || this.#refreshes.get(key) !== undefined;
  }

  #refresh(key: string, load: () => Promise<T | undefined | null>): void {
    this.#refreshes
      .run(key, async () => {
        let value: T | undefined | null;
        try {
          value = await load();
        } catch (error) {
          this.#t.dirty.delete(key);
          throw error;
        }
        await this.#t.store([[key, value]], undefined, false);
        if (this.events.wants('refreshed'))
          this.events.emit('refreshed', { namespace: this.namespace, key });
      })
      .catch((error: unknown) => this.#error('refresh', error));
  }

  #clearLocal(reason: CacheEvents['l1.clear']['reason']): void {
    this.#l1?.clear();
    this.#count.l1Clears++;
    if (this.events.wants('l1.clear'))
      this.events.emit('l1.clear', { namespace: this.namespace, reason });
  }

  async #broadcast(keys: readonly string[]): Promise<void> {
    await this.#broadcaster
      ?.invalidate(keys)
      .catch((error: unknown) => this.#error('broadcast', error));
  }

  #onHotChange(key: string, hot: boolean, source: 'local' | 'remote'): void {
    if (!hot) this.#l1?.delete(key);
    if (this.events.wants('hotKey')) {
      this.events.emit('hotKey', { namespace: this.namespace, key, hot, source });
    }
    if (hot && source === 'local') this.#shareHot([key]);
  }

  /** Tells other nodes about keys this node found hot (only those: nodes must not echo). */
  #shareHot(keys: readonly string[]): void {
    const hot = this.#hot;
    if (!hot || keys.length === 0 || !this.#s.broadcast?.shareHotKeys) return;
    this.#broadcaster
      ?.hot(keys, hot.promotionTtlMs)
      .catch((error: unknown) => this.#error('broadcast', error));
  }

  /** The keys hot now in this namespace (all of them, from a source without namespaces). */
  #hotEntries(): readonly HotKeyEntry[] {
    const entries = this.#hot?.hotKeys() ?? [];
    return entries.filter((k) => k.namespace === undefined || k.namespace === this.namespace);
  }

  #error(operation: CacheEvents['error']['operation'], error: unknown): void {
    if (this.events.wants('error'))
      this.events.emit('error', { namespace: this.namespace, operation, error });
  }
}

function closedError(namespace: string): CacheError {
  return new CacheError('CLOSED', `cache "${namespace}" is closed`);
}
