import type { Clock, DependencyPolicy } from '@mallkit/resilience';
import type { CacheBus } from './broadcast/CacheBus.js';
import type { HotKeySource } from './HotKeySource.js';
import type { KeyRules } from './keys/KeyRules.js';
import type { L2Store } from './l2/L2Store.js';
import type { Serializer } from './serialization/Serializer.js';

/**
 * Settings of a cache's in-process tier.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, type L1Options } from '@mallkit/cache';
 * import { ManualClock } from '@mallkit/resilience';
 *
 * const l1: L1Options = { admission: 'all', maxEntries: 2, maxBytes: 1_048_576, ttlMs: 1000 };
 * const clock = new ManualClock(Date.now());
 * const names = createCache<string>({ namespace: 'doc:L1Options', l1, clock }); // no L2 here
 * let loads = 0;
 * const load = async (sku: string) => {
 *   loads++;
 *   return sku.toUpperCase();
 * };
 * for (const sku of ['sku-1', 'sku-2', 'sku-3']) await names.get(sku, load);
 * assert.equal(names.stats().l1Entries, 2); // the least recently used was dropped
 *
 * await names.get('sku-3', load); // fresh in L1
 * assert.equal(loads, 3);
 * clock.advance(1001); // past l1.ttlMs: L1 no longer answers on its own
 * await names.get('sku-3', load);
 * assert.equal(loads, 4);
 * await names.close();
 * ```
 *
 * @group Cache
 */
export interface L1Options {
  /**
   * Which keys L1 keeps: `'all'` (every key read, for `ttlMs`), or `'hot'` (only keys
   * the hot-key detector promoted, for the promotion TTL of at most 15 s — the
   * design's short-lived local cache for launch-day hotspots).
   * @default 'all'
   */
  admission?: 'all' | 'hot';
  /**
   * Most entries kept.
   * @default 10000
   */
  maxEntries?: number;
  /**
   * Most bytes kept (keys and encoded values, UTF-16 estimate).
   * @default 67108864 (64 MiB)
   */
  maxBytes?: number;
  /**
   * How long an entry stays in L1 (capped by its L2 freshness). Other nodes' writes
   * reach this node by broadcast; this bounds staleness if a broadcast is lost.
   * @default 5000
   */
  ttlMs?: number;
}

/**
 * Settings of the invalidation broadcast.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type BroadcastOptions, createCache, MemoryBus } from '@mallkit/cache';
 *
 * const broadcast: BroadcastOptions = {
 *   bus: new MemoryBus(), // `new RedisBus(redis)` across app nodes
 *   maxKeysPerMessage: 100,
 *   heartbeatMs: 1000, // a node that lost a message notices within 1 s
 *   shareHotKeys: false,
 * };
 * const a = createCache<number>({ namespace: 'doc:BroadcastOptions', broadcast });
 * const b = createCache<number>({ namespace: 'doc:BroadcastOptions', broadcast });
 * await Promise.all([a.ready(), b.ready()]);
 *
 * const sizes: number[] = [];
 * const all = new Promise<void>((resolve) =>
 *   b.events.on('invalidate', ({ keys }) => sizes.push(keys.length) === 3 && resolve()),
 * );
 * await a.invalidate(Array.from({ length: 250 }, (_, i) => `sku-${i}`));
 * await all;
 * assert.deepEqual(sizes, [100, 100, 50]); // three messages of at most 100 keys
 *
 * await a.close();
 * await b.close();
 * ```
 *
 * @group Cache
 */
export interface BroadcastOptions {
  /**
   * The channel to other nodes.
   */
  bus: CacheBus;
  /**
   * Keys per message; larger invalidations are split.
   * @default 1000
   */
  maxKeysPerMessage?: number;
  /**
   * How often each node announces its latest sequence number, in ms, so a node that
   * lost a message drops its L1 within this time even if nothing else is sent. 0
   * turns heartbeats off.
   * @default 1000
   */
  heartbeatMs?: number;
  /**
   * Share hot-key detections: a key hot on one node is promoted on every node.
   * @default true
   */
  shareHotKeys?: boolean;
}

/**
 * Cross-node stampede protection: one node loads a cold key, the others wait for it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, MemoryL2, type StampedeLockOptions } from '@mallkit/cache';
 *
 * let refused = () => {};
 * const lockRefused = new Promise<void>((resolve) => {
 *   refused = resolve; // once a node finds the lock taken
 * });
 * // Plays the Redis both nodes share.
 * class SharedL2 extends MemoryL2 {
 *   override async tryLock(key: string, ttlMs: number): Promise<boolean> {
 *     const taken = await super.tryLock(key, ttlMs);
 *     if (!taken) refused();
 *     return taken;
 *   }
 * }
 * const l2 = new SharedL2();
 * const stampedeLock: StampedeLockOptions = { ttlMs: 2_000, waitMs: 500 };
 * const nodeA = createCache<string>({ namespace: 'doc:StampedeLockOptions', l2, stampedeLock });
 * const nodeB = createCache<string>({ namespace: 'doc:StampedeLockOptions', l2, stampedeLock });
 * await nodeA.invalidate('sku-1');
 *
 * let queries = 0;
 * const slowQuery = async () => {
 *   queries++;
 *   await lockRefused; // still running when the other node asks for the lock
 *   return 'Phone X';
 * };
 * const [a, b] = await Promise.all([
 *   nodeA.get('sku-1', slowQuery),
 *   nodeB.get('sku-1', slowQuery),
 * ]);
 * assert.deepEqual([a, b], ['Phone X', 'Phone X']);
 * assert.equal(queries, 1); // nodeB waited for nodeA's result in L2
 * await nodeA.close();
 * await nodeB.close();
 * ```
 *
 * @group Cache
 */
export interface StampedeLockOptions {
  /**
   * How long the lock is held at most, in ms (a crashed loader frees it then).
   * @default 2000
   */
  ttlMs?: number;
  /**
   * How long the other nodes wait for the loader's result in L2 before loading
   * themselves, in ms.
   * @default 500
   */
  waitMs?: number;
}

/**
 * Settings of a {@link Cache}: one namespace, its tiers, and how it behaves in trouble.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheOptions, createCache, MemoryBus, MemoryL2 } from '@mallkit/cache';
 * import { DependencyPolicy } from '@mallkit/resilience';
 *
 * interface Product {
 *   sku: string;
 *   priceCents: number;
 * }
 * const options: CacheOptions<Product> = {
 *   namespace: 'doc:CacheOptions',
 *   l2: new MemoryL2(), // `new RedisL2(redis)` from '@mallkit/cache/redis'
 *   l1: { admission: 'all', maxEntries: 10_000, ttlMs: 5_000 },
 *   ttlMs: 60_000,
 *   staleWhileRevalidateMs: 10_000, // answer at once with a just-expired value while it reloads
 *   graceMs: 300_000, // and with the last good value for 5 min if the database fails
 *   negativeTtlMs: 5_000, // unknown skus do not reach the database on every request
 *   stampedeLock: { ttlMs: 2_000, waitMs: 500 }, // one node loads a cold key, the others wait
 *   policy: new DependencyPolicy({ name: 'cache:product:l2', preset: 'redis', timeoutMs: 100 }),
 *   broadcast: { bus: new MemoryBus() }, // `new RedisBus(redis)`
 *   disperse: (sku) => (sku.startsWith('flash:') ? 4 : 1), // 4 copies of flash-sale items
 *   keys: { maxKeyLength: 64, maxBatchSize: 1000 },
 * };
 * const products = createCache(options);
 * await products.ready();
 * const product = await products.get('sku-1', async (sku) => ({ sku, priceCents: 1999 }));
 * assert.equal(product?.priceCents, 1999);
 * await products.close();
 * ```
 *
 * @group Cache
 */
export interface CacheOptions<T> {
  /** Prefix of every key in L2 (`<namespace>:<key>`) and the name in events and stats. */
  namespace: string;
  /**
   * The shared second tier: `new RedisL2(redis)` from `@mallkit/cache/redis`, a
   * {@link MemoryL2}, or `false` for L1 and loader only.
   * @default false
   */
  l2?: L2Store | false;
  /**
   * The in-process tier, or `false` for none.
   * @default `{ admission: 'all', maxEntries: 10000, maxBytes: 64 MiB, ttlMs: 5000 }`
   */
  l1?: L1Options | false;
  /**
   * How long an entry is fresh in L2, in ms.
   * @default 60000
   */
  ttlMs?: number;
  /**
   * Each write's TTL is shortened by a random fraction up to this, so entries
   * written together do not expire together.
   * @default 0.1
   */
  ttlJitter?: number;
  /**
   * After an entry turns stale, it is still served for this long while one refresh
   * runs in the background (stale-while-revalidate). 0 turns it off.
   * @default 0
   */
  staleWhileRevalidateMs?: number;
  /**
   * When Redis or the loader fails, the last good value is served for this long past
   * its freshness instead of an error. 0 turns it off.
   * @default 0
   */
  graceMs?: number;
  /**
   * How long a "not found" from the loader is cached, so unknown ids do not reach the
   * database on every request. 0 turns negative caching off.
   * @default 5000
   */
  negativeTtlMs?: number;
  /**
   * Which loader results mean "not found".
   * @default `undefined` and `null`
   */
  isNotFound?: (value: unknown) => boolean;
  /**
   * Cross-node stampede protection: on a miss, the node that takes a short lock in L2
   * loads; the others wait up to `waitMs` for its result in L2, then load themselves.
   * @default off
   */
  stampedeLock?: StampedeLockOptions | false;
  /**
   * Guards every L2 call (deadline, breaker, bulkhead). With Redis down, reads answer
   * from L1 or the loader within its deadline; `set` and `invalidate` reject with
   * `L2_UNAVAILABLE`.
   * @default `new DependencyPolicy({ name: 'cache:<namespace>:l2', preset: 'redis' })`
   */
  policy?: DependencyPolicy;
  /**
   * Invalidation broadcast to the other app nodes, or `false`.
   * @default false
   */
  broadcast?: BroadcastOptions | false;
  /**
   * Hot-key detection (a `HotKeyDetector`, shareable by the caches of one process: it
   * counts each namespace's keys apart), or `false`. Every read is recorded with the
   * namespace; promoted keys are kept fresh in L1 for the
   * detector's promotion TTL (at most 15 s), and with `broadcast.shareHotKeys` every
   * node promotes them.
   * @default false
   */
  hotKeys?: HotKeySource | false;
  /**
   * Hot-key dispersal for keys read very often and written rarely: how many copies of
   * `key` to keep in L2 (`key#0`…, each in a different Cluster slot, so on different
   * nodes); reads pick one at random, writes and invalidations cover all. 1 means one
   * copy. Keys with a `{hash tag}` cannot be dispersed.
   * @default `() => 1`
   */
  disperse?: (key: string) => number;
  /**
   * How values become strings in L2.
   * @default JSON
   */
  serializer?: Serializer<T>;
  /**
   * Largest encoded value stored, in bytes (UTF-16 estimate); larger values are
   * returned to the caller but not cached, and a `VALUE_TOO_LARGE` event says so.
   * @default 1048576
   */
  maxValueBytes?: number;
  /**
   * Key length and batch size limits.
   * @default `{ maxKeyLength: 512, maxBatchSize: 5000 }`
   */
  keys?: KeyRules;
  /**
   * Wall-clock time source (epoch ms) for freshness across nodes.
   * @default `Date.now`
   */
  clock?: Clock;
}
