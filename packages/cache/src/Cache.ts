import { type Clock, DependencyPolicy, EventHub } from '@mallkit/resilience';
import { Broadcaster } from './broadcast/Broadcaster.js';
import type { CacheEvents } from './CacheEvents.js';
import type { CacheOptions } from './CacheOptions.js';
import type { CacheStats } from './CacheStats.js';
import type { Entry } from './entry/Entry.js';
import { decodeEntry, encodeEntry } from './entry/entryCodec.js';
import { CacheError } from './errors/CacheError.js';
import type { HotKeySource } from './HotKeySource.js';
import type { KeyRules } from './keys/KeyRules.js';
import { requireKey, requireKeys } from './keys/requireKeys.js';
import { L1 } from './l1/L1.js';
import type { L2Store, L2Write } from './l2/L2Store.js';
import { type CacheSettings, resolveCacheOptions } from './resolveCacheOptions.js';
import type { Serializer } from './serialization/Serializer.js';
import { SingleFlight } from './singleflight/SingleFlight.js';

/** Loads one value on a miss; `undefined` or `null` means "not found". */
export type Loader<T> = (key: string) => Promise<T | undefined | null> | T | undefined | null;

/**
 * Loads the values of many missed keys in one call (one SQL `IN (…)`): an array in the
 * order of `keys`, or a map from key to value; a key left out means "not found".
 */
export type BatchLoader<T> = (
  keys: string[],
) => Promise<ReadonlyArray<T | undefined | null> | ReadonlyMap<string, T | undefined | null>>;

/** Per-write options of {@link Cache.set}. */
export interface SetOptions {
  /**
   * Freshness in L2, in ms.
   * @default the cache's `ttlMs`
   */
  ttlMs?: number;
}

const counterNames = [
  'l1',
  'l2',
  'misses',
  'negativeHits',
  'loads',
  'loadErrors',
  'staleServed',
  'l2Errors',
  'l1Clears',
] as const;
type CounterName = (typeof counterNames)[number];

/**
 * A typed cache for one namespace: L1 in process, then L2 (Redis or Cluster), then
 * your loader — cache-aside. Reads fill both tiers; writes go to the database first,
 * then {@link Cache.invalidate} drops the key everywhere (L2, this node's L1, and
 * every other node's L1 through the broadcast).
 *
 * Create it with {@link createCache}.
 */
export class Cache<T> {
  /** The namespace (key prefix) of this cache. */
  readonly namespace: string;
  /** Typed events, also on `diagnostics_channel` as `mallkit:cache:<event>`. */
  readonly events = new EventHub<CacheEvents>('mallkit:cache');
  readonly #s: CacheSettings<T>;
  readonly #l1: L1<T> | undefined;
  readonly #l2: L2Store | undefined;
  readonly #policy: DependencyPolicy;
  readonly #clock: Clock;
  readonly #serializer: Serializer<T>;
  readonly #keyRules: Required<KeyRules>;
  readonly #flights = new SingleFlight<T | undefined>();
  readonly #refreshes = new SingleFlight<void>();
  /** Keys invalidated while a load of them was in flight: that load must not be cached. */
  readonly #dirty = new Set<string>();
  readonly #hot: HotKeySource | undefined;
  readonly #broadcaster: Broadcaster | undefined;
  readonly #ready: Promise<void>;
  readonly #count: Record<CounterName, number>;
  readonly #unwatchHot: (() => void) | undefined;
  #closed = false;

  /** @param options - see {@link CacheOptions} */
  constructor(options: CacheOptions<T>) {
    const s = resolveCacheOptions(options);
    this.#s = s;
    this.namespace = s.namespace;
    this.#clock = s.clock;
    this.#serializer = s.serializer;
    this.#keyRules = s.keys;
    this.#l2 = s.l2;
    this.#policy =
      s.policy ?? new DependencyPolicy({ name: `cache:${s.namespace}:l2`, preset: 'redis' });
    this.#l1 = s.l1 ? new L1<T>(s.l1) : undefined;
    this.#count = Object.fromEntries(counterNames.map((n) => [n, 0])) as Record<
      CounterName,
      number
    >;
    this.#hot = s.hotKeys;
    this.#unwatchHot = s.hotKeys?.onChange((change) => this.#onHotChange(change.key, change.hot));
    if (s.broadcast) {
      this.#broadcaster = new Broadcaster(s.broadcast.bus, s.namespace, s.broadcast, {
        invalidate: (keys) => {
          for (const key of keys) this.#dropLocal(key);
          if (this.events.wants('invalidate')) {
            this.events.emit('invalidate', { namespace: this.namespace, keys, origin: 'remote' });
          }
        },
        clear: (reason) => this.#clearLocal(reason),
        hot: (keys, ttlMs) => {
          for (const key of keys) this.#hot?.markHot(key, ttlMs);
        },
        error: (error) => this.#error('broadcast', error),
      });
      this.#ready = this.#broadcaster.start();
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
    this.#hot?.record(key);
    const held = this.#l1?.get(key);
    if (held !== undefined && held.freshUntil > this.#clock.now())
      return Promise.resolve(this.#answer(key, held, 'l1'));
    return this.#flights.run(key, () => this.#loadOne(key, loader, held));
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
      this.#hot?.record(key);
      const held = this.#l1?.get(key);
      if (held !== undefined && held.freshUntil > now) {
        results[i] = this.#answer(key, held, 'l1');
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
        release(await this.#loadMany(toRead, batchLoader, stale));
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
   */
  async set(key: string, value: T, options: SetOptions = {}): Promise<void> {
    if (this.#closed) throw closedError(this.namespace);
    requireKey(key, this.#keyRules.maxKeyLength);
    if (this.#flights.get(key)) this.#dirty.add(key);
    await this.#store([[key, value]], options.ttlMs, true);
    await this.#broadcast([key]);
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
      if (this.#flights.get(key)) this.#dirty.add(key);
      this.#dropLocal(key);
    }
    if (this.events.wants('invalidate')) {
      this.events.emit('invalidate', { namespace: this.namespace, keys: list, origin: 'local' });
    }
    let failure: unknown;
    const l2 = this.#l2;
    if (l2 && list.length > 0) {
      const full = list.map((k) => this.#fullKey(k));
      await this.#policy
        .execute(() => l2.delete(full), { idempotent: true })
        .catch((error: unknown) => {
          failure = error;
          this.#l2Error('delete', error);
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
      hotKeys: this.#hot?.hotCount ?? 0,
    };
  }

  /** Stops listening to the bus and the hot-key source. What was passed in stays open. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unwatchHot?.();
    await this.#broadcaster?.close();
  }

  async #loadOne(
    key: string,
    loader: Loader<T> | undefined,
    held: Entry<T> | undefined,
  ): Promise<T | undefined> {
    const [fromL2] = await this.#readL2([key]);
    const now = this.#clock.now();
    if (fromL2 !== undefined && fromL2.freshUntil > now) {
      this.#fillL1(key, fromL2, now);
      return this.#answer(key, fromL2, 'l2');
    }
    const stale = newest(fromL2, held, now);
    if (!loader) {
      this.#miss(key);
      return stale ? this.#serveStale(key, stale, 'grace') : undefined;
    }
    if (stale && now < stale.freshUntil + this.#s.staleWhileRevalidateMs) {
      this.#refresh(key, () => this.#runLoader(key, loader));
      return this.#serveStale(key, stale, 'revalidate');
    }
    this.#miss(key);
    let value: T | undefined | null | LockedOut<T>;
    try {
      value = await this.#withStampedeLock(key, () => this.#runLoader(key, loader));
    } catch (error) {
      if (stale && now < stale.freshUntil + this.#s.graceMs)
        return this.#serveStale(key, stale, 'grace');
      throw error;
    }
    if (value instanceof LockedOut) return value.value;
    await this.#store([[key, value]], undefined, false);
    return this.#s.isNotFound(value) ? undefined : (value as T);
  }

  async #loadMany(
    keys: string[],
    batchLoader: BatchLoader<T> | undefined,
    heldStale: Map<string, Entry<T>>,
  ): Promise<Map<string, T | undefined>> {
    const out = new Map<string, T | undefined>();
    const fromL2 = await this.#readL2(keys);
    const now = this.#clock.now();
    const missing: string[] = [];
    const stale = new Map<string, Entry<T>>();
    keys.forEach((key, i) => {
      const entry = fromL2[i];
      if (entry !== undefined && entry.freshUntil > now) {
        this.#fillL1(key, entry, now);
        out.set(key, this.#answer(key, entry, 'l2'));
        return;
      }
      const old = newest(entry, heldStale.get(key), now);
      if (old) stale.set(key, old);
      missing.push(key);
    });
    if (missing.length === 0) return out;
    for (const key of missing) this.#miss(key);
    if (!batchLoader) {
      for (const key of missing) {
        const old = stale.get(key);
        out.set(key, old ? this.#serveStale(key, old, 'grace') : undefined);
      }
      return out;
    }
    let loaded: Map<string, T | undefined | null>;
    try {
      this.#count.loads++;
      const answer = await batchLoader([...missing]);
      loaded = Array.isArray(answer)
        ? new Map(missing.map((k, i) => [k, (answer as ReadonlyArray<T | undefined | null>)[i]]))
        : new Map(answer as ReadonlyMap<string, T | undefined | null>);
    } catch (error) {
      this.#count.loadErrors++;
      const allGraced = missing.every((k) => {
        const old = stale.get(k);
        return old !== undefined && now < old.freshUntil + this.#s.graceMs;
      });
      if (!allGraced) throw error;
      for (const key of missing)
        out.set(key, this.#serveStale(key, stale.get(key) as Entry<T>, 'grace'));
      return out;
    }
    const writes: Array<[string, T | undefined | null]> = missing.map((k) => [k, loaded.get(k)]);
    await this.#store(writes, undefined, false);
    for (const [key, value] of writes)
      out.set(key, this.#s.isNotFound(value) ? undefined : (value as T));
    return out;
  }

  async #readL2(keys: string[]): Promise<Array<Entry<T> | undefined>> {
    const l2 = this.#l2;
    if (!l2) return [];
    try {
      const full = keys.map((k) => this.#fullKey(k));
      const texts = await this.#policy.execute(() => l2.getMany(full), { idempotent: true });
      return texts.map((t) =>
        t === null || t === undefined ? undefined : decodeEntry(t, this.#serializer),
      );
    } catch (error) {
      this.#l2Error('get', error);
      return [];
    }
  }

  async #runLoader(key: string, loader: Loader<T>): Promise<T | undefined | null> {
    this.#count.loads++;
    try {
      return await loader(key);
    } catch (error) {
      this.#count.loadErrors++;
      throw error;
    }
  }

  async #withStampedeLock(
    key: string,
    load: () => Promise<T | undefined | null>,
  ): Promise<T | undefined | null | LockedOut<T>> {
    const lock = this.#s.stampedeLock;
    const l2 = this.#l2;
    if (!lock || !l2) return load();
    const lockKey = `${this.#fullKey(key)}:lock`;
    const held = await this.#policy
      .execute(() => l2.tryLock(lockKey, lock.ttlMs), { idempotent: false })
      .catch((error: unknown) => {
        this.#l2Error('lock', error);
        return true; // Redis trouble: load rather than wait on a lock nobody can see
      });
    if (held) {
      try {
        return await load();
      } finally {
        await this.#policy
          .execute(() => l2.unlock(lockKey))
          .catch((error: unknown) => this.#l2Error('lock', error));
      }
    }
    // Real time, not the cache clock: this waits for another node's load.
    const deadline = performance.now() + lock.waitMs;
    const step = Math.max(5, lock.waitMs / 10);
    while (performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, step));
      const [entry] = await this.#readL2([key]);
      if (entry !== undefined && entry.freshUntil > this.#clock.now()) {
        this.#fillL1(key, entry, this.#clock.now());
        return new LockedOut(entry.kind === 'value' ? entry.value : undefined);
      }
    }
    return load();
  }

  #refresh(key: string, load: () => Promise<T | undefined | null>): void {
    this.#refreshes
      .run(key, async () => {
        const value = await load();
        await this.#store([[key, value]], undefined, false);
        if (this.events.wants('refreshed'))
          this.events.emit('refreshed', { namespace: this.namespace, key });
      })
      .catch((error: unknown) => this.#error('refresh', error));
  }

  /** Encodes and writes entries to L2 and L1; a "not found" becomes a negative entry. */
  async #store(
    values: Array<[string, T | undefined | null]>,
    ttlMs: number | undefined,
    explicit: boolean,
  ): Promise<void> {
    const now = this.#clock.now();
    const s = this.#s;
    const writes: L2Write[] = [];
    for (const [key, value] of values) {
      if (!explicit && this.#dirty.delete(key)) continue; // invalidated while loading
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
      const text = encodeEntry(entry, this.#serializer);
      const bytes = text.length * 2;
      if (bytes > s.maxValueBytes) {
        if (this.events.wants('value.tooLarge'))
          this.events.emit('value.tooLarge', { namespace: this.namespace, key, bytes });
        continue;
      }
      this.#fillL1(key, entry, now, bytes);
      writes.push({ key: this.#fullKey(key), value: text, ttlMs: entry.staleUntil - now });
    }
    const l2 = this.#l2;
    if (!l2 || writes.length === 0) return;
    await this.#policy
      .execute(() => l2.setMany(writes), { idempotent: true })
      .catch((error: unknown) => this.#l2Error('set', error));
  }

  #fillL1(key: string, entry: Entry<T>, now: number, bytes = 64): void {
    const l1 = this.#l1;
    if (!l1) return;
    let freshFor = l1.settings.ttlMs;
    if (l1.settings.admission === 'hot') {
      if (!this.#hot?.isHot(key)) return;
      freshFor = this.#hot.promotionTtlMs;
    }
    l1.set(key, entry, now, freshFor, bytes);
  }

  #answer(key: string, entry: Entry<T>, tier: 'l1' | 'l2'): T | undefined {
    if (entry.kind === 'missing') {
      this.#count.negativeHits++;
      return undefined;
    }
    this.#count[tier]++;
    if (this.events.wants('hit')) this.events.emit('hit', { namespace: this.namespace, key, tier });
    return entry.value;
  }

  #serveStale(key: string, entry: Entry<T>, reason: 'revalidate' | 'grace'): T | undefined {
    this.#count.staleServed++;
    if (this.events.wants('stale'))
      this.events.emit('stale', { namespace: this.namespace, key, reason });
    return entry.kind === 'value' ? entry.value : undefined;
  }

  #miss(key: string): void {
    this.#count.misses++;
    if (this.events.wants('miss')) this.events.emit('miss', { namespace: this.namespace, key });
  }

  #dropLocal(key: string): void {
    this.#l1?.delete(key);
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

  #onHotChange(key: string, hot: boolean): void {
    if (!hot) this.#l1?.delete(key);
    if (this.events.wants('hotKey'))
      this.events.emit('hotKey', { namespace: this.namespace, key, hot, source: 'local' });
    if (hot && this.#s.broadcast && this.#s.broadcast.shareHotKeys && this.#hot) {
      this.#broadcaster
        ?.hot([key], this.#hot.promotionTtlMs)
        .catch((error: unknown) => this.#error('broadcast', error));
    }
  }

  #l2Error(operation: CacheEvents['l2.error']['operation'], error: unknown): void {
    this.#count.l2Errors++;
    if (this.events.wants('l2.error'))
      this.events.emit('l2.error', { namespace: this.namespace, operation, error });
  }

  #error(operation: CacheEvents['error']['operation'], error: unknown): void {
    if (this.events.wants('error'))
      this.events.emit('error', { namespace: this.namespace, operation, error });
  }

  #fullKey(key: string): string {
    return `${this.namespace}:${key}`;
  }
}

/** A value another node loaded while this one waited on the stampede lock. */
class LockedOut<T> {
  constructor(readonly value: T | undefined) {}
}

function newest<T>(
  a: Entry<T> | undefined,
  b: Entry<T> | undefined,
  now: number,
): Entry<T> | undefined {
  const usable = [a, b].filter((e): e is Entry<T> => e !== undefined && e.staleUntil > now);
  return usable.sort((x, y) => y.freshUntil - x.freshUntil)[0];
}

function closedError(namespace: string): CacheError {
  return new CacheError('CLOSED', `cache "${namespace}" is closed`);
}
