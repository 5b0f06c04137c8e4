/**
 * Which tier answered a read.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type Cache, type CacheTier, createCache, MemoryL2 } from '@mallkit/cache';
 *
 * // Reads `key` and tells which tier answered: a hit names it, otherwise the loader did.
 * async function read(cache: Cache<string>, key: string): Promise<CacheTier> {
 *   let tier: CacheTier = 'loader';
 *   const off = cache.events.on('hit', (event) => {
 *     tier = event.tier;
 *   });
 *   await cache.get(key, async () => 'Phone X');
 *   off();
 *   return tier;
 * }
 * const l2 = new MemoryL2();
 * const nodeA = createCache<string>({ namespace: 'doc:CacheTier', l2 });
 * const nodeB = createCache<string>({ namespace: 'doc:CacheTier', l2 });
 * assert.equal(await read(nodeA, 'sku-1'), 'loader');
 * assert.equal(await read(nodeA, 'sku-1'), 'l1');
 * assert.equal(await read(nodeB, 'sku-1'), 'l2');
 * await nodeA.close();
 * await nodeB.close();
 * ```
 *
 * @group Cache
 */
export type CacheTier = 'l1' | 'l2' | 'loader';

/**
 * What every cache event carries.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheEventBase, createCache } from '@mallkit/cache';
 *
 * // One handler for the events of several caches: every event names its cache.
 * const misses = new Map<string, number>();
 * const countMiss = (event: CacheEventBase) =>
 *   misses.set(event.namespace, (misses.get(event.namespace) ?? 0) + 1);
 *
 * const names = createCache<string>({ namespace: 'doc:CacheEventBase:name' });
 * const prices = createCache<number>({ namespace: 'doc:CacheEventBase:price' });
 * names.events.on('miss', countMiss);
 * prices.events.on('miss', countMiss);
 *
 * await names.get('sku-1', async () => 'Phone X');
 * await prices.get('sku-1', async () => 1999);
 * await prices.get('sku-2', async () => 2999);
 * assert.deepEqual(Object.fromEntries(misses), {
 *   'doc:CacheEventBase:name': 1,
 *   'doc:CacheEventBase:price': 2,
 * });
 * await names.close();
 * await prices.close();
 * ```
 *
 * @group Cache
 */
export interface CacheEventBase {
  /** The cache's namespace. */
  namespace: string;
}

/**
 * About one key.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheKeyEvent, createCache } from '@mallkit/cache';
 *
 * const products = createCache<string>({ namespace: 'doc:CacheKeyEvent' });
 * const missed: string[] = [];
 * products.events.on('miss', (event: CacheKeyEvent) => missed.push(event.key));
 *
 * await products.get('sku-1', async () => 'Phone X');
 * await products.get('sku-1', async () => 'Phone X'); // L1 hit: no event
 * await products.get('sku-2', async () => 'Phone X case');
 * assert.deepEqual(missed, ['sku-1', 'sku-2']);
 * await products.close();
 * ```
 *
 * @group Cache
 */
export interface CacheKeyEvent extends CacheEventBase {
  /** The key, without namespace. */
  key: string;
}

/**
 * A read was answered from a tier without loading.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheHitEvent, createCache, MemoryL2 } from '@mallkit/cache';
 *
 * const l2 = new MemoryL2(); // shared by two nodes, as Redis is
 * const nodeA = createCache<string>({ namespace: 'doc:CacheHitEvent', l2 });
 * const nodeB = createCache<string>({ namespace: 'doc:CacheHitEvent', l2 });
 * const hits: string[] = [];
 * const onHit = (event: CacheHitEvent) => hits.push(`${event.key} from ${event.tier}`);
 * nodeA.events.on('hit', onHit);
 * nodeB.events.on('hit', onHit);
 *
 * await nodeA.get('sku-1', async () => 'Phone X'); // loaded: no hit
 * await nodeA.get('sku-1'); // nodeA's L1
 * await nodeB.get('sku-1'); // Redis (L2), then nodeB's L1
 * assert.deepEqual(hits, ['sku-1 from l1', 'sku-1 from l2']);
 * await nodeA.close();
 * await nodeB.close();
 * ```
 *
 * @group Cache
 */
export interface CacheHitEvent extends CacheKeyEvent {
  /** The tier that answered. */
  tier: 'l1' | 'l2';
}

/**
 * A stale entry was served.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheStaleEvent, createCache, MemoryL2 } from '@mallkit/cache';
 * import { ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock(Date.now());
 * const prices = createCache<number>({
 *   namespace: 'doc:CacheStaleEvent',
 *   l2: new MemoryL2(() => clock.now()),
 *   clock,
 *   ttlMs: 60_000,
 *   ttlJitter: 0,
 *   staleWhileRevalidateMs: 30_000,
 * });
 * const stale: CacheStaleEvent[] = [];
 * prices.events.on('stale', (event) => stale.push(event));
 * await prices.get('sku-1', async () => 1999);
 *
 * clock.advance(61_000); // stale now, within the revalidation window
 * const refreshed = new Promise((resolve) => prices.events.on('refreshed', resolve));
 * assert.equal(await prices.get('sku-1', async () => 1799), 1999); // the stale value, at once
 * await refreshed; // one background load stored the new value
 * assert.equal(await prices.get('sku-1'), 1799);
 * assert.deepEqual(stale, [
 *   { namespace: 'doc:CacheStaleEvent', key: 'sku-1', reason: 'revalidate' },
 * ]);
 * await prices.close();
 * ```
 *
 * @group Cache
 */
export interface CacheStaleEvent extends CacheKeyEvent {
  /** While one refresh runs (`revalidate`), or because L2 or the loader failed (`grace`). */
  reason: 'revalidate' | 'grace';
}

/**
 * An L2 call failed or timed out.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheL2ErrorEvent, createCache, MemoryL2 } from '@mallkit/cache';
 *
 * // Plays a Redis that is down.
 * class DownL2 extends MemoryL2 {
 *   override async getMany(): Promise<Array<string | null>> {
 *     throw new Error('connect ECONNREFUSED');
 *   }
 *   override async setMany(): Promise<void> {
 *     throw new Error('connect ECONNREFUSED');
 *   }
 * }
 * const products = createCache<string>({ namespace: 'doc:CacheL2ErrorEvent', l2: new DownL2() });
 * const errors: CacheL2ErrorEvent[] = [];
 * products.events.on('l2.error', (event) => errors.push(event));
 *
 * // The read goes on without L2:
 * assert.equal(await products.get('sku-1', async () => 'Phone X'), 'Phone X');
 * assert.deepEqual(errors.map((e) => e.operation), ['get', 'set']);
 * assert.equal(products.stats().l2Errors, 2);
 * await products.close();
 * ```
 *
 * @group Cache
 */
export interface CacheL2ErrorEvent extends CacheEventBase {
  /** What the cache was doing. */
  operation: 'get' | 'set' | 'delete' | 'lock';
  /** The failure. */
  error: unknown;
}

/**
 * A value was not cached: too large.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheValueTooLargeEvent, createCache } from '@mallkit/cache';
 *
 * const pages = createCache<string>({
 *   namespace: 'doc:CacheValueTooLargeEvent',
 *   maxValueBytes: 1024,
 * });
 * const tooLarge: CacheValueTooLargeEvent[] = [];
 * pages.events.on('value.tooLarge', (event) => tooLarge.push(event));
 * let renders = 0;
 * const render = async () => {
 *   renders++;
 *   return 'x'.repeat(2000); // about 4000 bytes encoded
 * };
 *
 * assert.equal((await pages.get('home', render))?.length, 2000); // returned, not cached
 * assert.equal(tooLarge[0]?.key, 'home');
 * assert.ok((tooLarge[0]?.bytes ?? 0) > 1024);
 * await pages.get('home', render);
 * assert.equal(renders, 2); // rendered again
 * await pages.close();
 * ```
 *
 * @group Cache
 */
export interface CacheValueTooLargeEvent extends CacheKeyEvent {
  /** Its encoded size (UTF-16 estimate). */
  bytes: number;
}

/**
 * The whole L1 was dropped.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheL1ClearEvent, createCache, MemoryBus } from '@mallkit/cache';
 *
 * const bus = new MemoryBus();
 * const a = createCache<string>({ namespace: 'doc:CacheL1ClearEvent', broadcast: { bus } });
 * const b = createCache<string>({ namespace: 'doc:CacheL1ClearEvent', broadcast: { bus } });
 * await Promise.all([a.ready(), b.ready()]);
 * await b.get('banner', async () => 'spring sale');
 * const onA: CacheL1ClearEvent[] = [];
 * a.events.on('l1.clear', (event) => onA.push(event));
 * const onB = new Promise<CacheL1ClearEvent>((resolve) => b.events.on('l1.clear', resolve));
 *
 * await a.clearL1(); // e.g. after a bulk import: every node drops its L1
 * assert.deepEqual(onA, [{ namespace: 'doc:CacheL1ClearEvent', reason: 'local' }]);
 * assert.equal((await onB).reason, 'remote');
 * assert.equal(b.stats().l1Entries, 0);
 * await a.close();
 * await b.close();
 * ```
 *
 * @group Cache
 */
export interface CacheL1ClearEvent extends CacheEventBase {
  /** Cleared here, by another node, after a detected message gap, or after a bus reconnect. */
  reason: 'local' | 'remote' | 'gap' | 'reset';
}

/**
 * Keys were invalidated.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheInvalidateEvent, createCache, MemoryBus } from '@mallkit/cache';
 *
 * const bus = new MemoryBus();
 * const a = createCache<number>({ namespace: 'doc:CacheInvalidateEvent', broadcast: { bus } });
 * const b = createCache<number>({ namespace: 'doc:CacheInvalidateEvent', broadcast: { bus } });
 * await Promise.all([a.ready(), b.ready()]);
 * const onA: CacheInvalidateEvent[] = [];
 * a.events.on('invalidate', (event) => onA.push(event));
 * const onB = new Promise<CacheInvalidateEvent>((resolve) => b.events.on('invalidate', resolve));
 *
 * await a.invalidate(['sku-1', 'sku-2']);
 * assert.deepEqual(onA, [
 *   { namespace: 'doc:CacheInvalidateEvent', keys: ['sku-1', 'sku-2'], origin: 'local' },
 * ]);
 * assert.deepEqual(await onB, {
 *   namespace: 'doc:CacheInvalidateEvent',
 *   keys: ['sku-1', 'sku-2'],
 *   origin: 'remote', // heard over the bus
 * });
 * await a.close();
 * await b.close();
 * ```
 *
 * @group Cache
 */
export interface CacheInvalidateEvent extends CacheEventBase {
  /** The keys, without namespace. */
  keys: readonly string[];
  /** By this node, or by another node through the broadcast. */
  origin: 'local' | 'remote';
}

/**
 * A key of this cache's namespace was promoted to, or demoted from, L1 as hot. A
 * detector shared by several caches counts each namespace apart, and each cache emits
 * only its own keys.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheHotKeyEvent, createCache, HotKeyDetector } from '@mallkit/cache';
 * import { ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const detector = new HotKeyDetector({
 *   windowMs: 1000,
 *   hotThreshold: 50,
 *   clock,
 *   autoTick: false,
 * });
 * const products = createCache<string>({
 *   namespace: 'doc:CacheHotKeyEvent',
 *   hotKeys: detector,
 *   l1: { admission: 'hot' }, // only hot keys are kept in L1
 * });
 * const events: CacheHotKeyEvent[] = [];
 * products.events.on('hotKey', (event) => events.push(event));
 *
 * for (let i = 0; i < 60; i++) await products.get('sku-phone', async () => 'Phone X');
 * clock.advance(250);
 * detector.tick(); // end of a sub-window: sku-phone was read 60 times
 * assert.deepEqual(events, [
 *   { namespace: 'doc:CacheHotKeyEvent', key: 'sku-phone', hot: true, source: 'local' },
 * ]);
 * await products.close();
 * detector.close();
 * ```
 *
 * @group Cache
 */
export interface CacheHotKeyEvent extends CacheKeyEvent {
  /** Promoted (true) or demoted (false). */
  hot: boolean;
  /** Found hot by this node, or by another node. */
  source: 'local' | 'remote';
}

/**
 * A background operation failed.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type CacheBus, type CacheErrorEvent, createCache, MemoryBus } from '@mallkit/cache';
 *
 * const bus = new MemoryBus();
 * let down = false;
 * const flaky: CacheBus = {
 *   publish: async (message) => {
 *     if (down) throw new Error('bus unreachable');
 *     await bus.publish(message);
 *   },
 *   subscribe: (listener, onReset) => bus.subscribe(listener, onReset),
 * };
 * const products = createCache<number>({
 *   namespace: 'doc:CacheErrorEvent',
 *   broadcast: { bus: flaky },
 * });
 * const errors: CacheErrorEvent[] = [];
 * products.events.on('error', (event) => errors.push(event));
 * await products.ready();
 *
 * down = true;
 * await products.set('sku-1', 1999); // stored: only telling the other nodes failed
 * assert.equal(errors[0]?.operation, 'broadcast');
 * assert.match(String(errors[0]?.error), /bus unreachable/);
 * assert.equal(await products.get('sku-1'), 1999);
 * await products.close();
 * ```
 *
 * @group Cache
 */
export interface CacheErrorEvent extends CacheEventBase {
  /** Which one. */
  operation: 'refresh' | 'broadcast';
  /** The failure. */
  error: unknown;
}

/**
 * Events of a {@link Cache}, also published on `diagnostics_channel` as `mallkit:cache:<event>`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import diagnostics from 'node:diagnostics_channel';
 * import { type CacheEvents, createCache } from '@mallkit/cache';
 *
 * const products = createCache<string>({ namespace: 'doc:CacheEvents' });
 * const seen: Array<keyof CacheEvents> = [];
 * for (const name of ['hit', 'miss', 'invalidate'] as const) {
 *   products.events.on(name, () => seen.push(name)); // this cache only
 * }
 * // Every cache of the process, without a reference to it: `mallkit:cache:<event>`.
 * const missed: string[] = [];
 * const onMiss = (message: unknown) => missed.push((message as CacheEvents['miss']).key);
 * diagnostics.subscribe('mallkit:cache:miss', onMiss);
 *
 * await products.get('sku-1', async () => 'Phone X'); // miss, then loaded
 * await products.get('sku-1'); // hit (L1)
 * await products.invalidate('sku-1');
 * assert.deepEqual(seen, ['miss', 'hit', 'invalidate']);
 * assert.deepEqual(missed, ['sku-1']);
 * diagnostics.unsubscribe('mallkit:cache:miss', onMiss);
 * await products.close();
 * ```
 *
 * @group Cache
 */
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
