import { isResilienceError, ManualClock } from '@mallkit/resilience';
import { expect, it } from 'vitest';
import { createCache, HotKeyDetector, isCacheError } from '../../src/index.js';
import { generousPolicy, nodesOn, type SuiteEnvironment, wait } from './suiteTools.js';

/**
 * What a cache keeps within bounds on every adapter, registered in the caller's
 * `describe`: L1 memory for entries read from L2, a `set` that L2 could not store, and
 * hot-key counts per namespace when caches share a detector.
 */
export function limitsSuite(env: () => SuiteEnvironment): void {
  const setup = <T>() => nodesOn<T>(env);

  it('counts the real size of entries copied into L1 from L2, by get and by getMany', async () => {
    const { node } = setup<string>();
    const writer = node({ l1: false });
    const big = 'x'.repeat(1500); // about 3 KB encoded (UTF-16 estimate)
    const keys = ['big1', 'big2', 'big3', 'big4', 'big5'];
    for (const key of keys) await writer.set(key, big);
    const l1 = { maxBytes: 10_000 }; // room for three such entries, not five

    const reader = node({ l1 });
    for (const key of keys) expect(await reader.get(key)).toBe(big);
    expect(reader.stats().hits.l2).toBe(5);
    expect(reader.stats().l1Entries).toBe(3);

    const batchReader = node({ l1 });
    expect(await batchReader.getMany(keys)).toEqual(keys.map(() => big));
    expect(batchReader.stats().hits.l2).toBe(5);
    expect(batchReader.stats().l1Entries).toBe(3);
    await Promise.all([writer.close(), reader.close(), batchReader.close()]);
  });

  it('set rejects with L2_UNAVAILABLE when L2 cannot store, and no node serves the unstored value', async () => {
    const { node } = setup<string>();
    const policy = generousPolicy();
    const a = node({ policy });
    const b = node();
    await Promise.all([a.ready(), b.ready()]);
    await a.set('price', 'old');
    expect(await b.get('price')).toBe('old'); // now in b's L1
    const failures: string[] = [];
    a.events.on('l2.error', (e) => failures.push(e.operation));
    const dropped = wait((resolve) =>
      b.events.on('invalidate', (e) => e.origin === 'remote' && resolve(e.keys)),
    );

    const release = policy.breaker?.isolate(); // a known Redis outage: the circuit is open
    const error = await a.set('price', 'new').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCacheError(error) && error.code).toBe('L2_UNAVAILABLE');
    expect(isCacheError(error) && isResilienceError(error.cause) && error.cause.code).toBe(
      'CIRCUIT_OPEN',
    );
    expect(failures).toEqual(['set']);
    expect(await dropped).toEqual(['price']); // b dropped its L1 copy regardless
    expect(a.stats().l1Entries).toBe(0); // a keeps no value that other nodes cannot read
    expect(await a.get('price')).toBeUndefined(); // L2 unreachable, nothing in L1
    release?.();

    expect(await a.get('price')).toBe('old'); // both nodes see what L2 holds
    expect(await b.get('price')).toBe('old');
    const droppedAgain = wait((resolve) =>
      b.events.on('invalidate', (e) => e.origin === 'remote' && resolve(e.keys)),
    );
    await a.set('price', 'new'); // L2 back: the write goes through
    await droppedAgain;
    expect(await b.get('price')).toBe('new');
    await Promise.all([a.close(), b.close()]);
  });

  it('a detector shared by two namespaces counts and promotes a key per namespace, on every node', async () => {
    const { l2, bus, namespace } = setup<string>();
    const clock = new ManualClock(Date.now());
    const nodeOf = () => {
      const detector = new HotKeyDetector({
        windowMs: 1000,
        hotThreshold: 50,
        clock,
        autoTick: false,
      });
      const cache = (ns: string) =>
        createCache<string>({
          namespace: ns,
          l2,
          l1: { admission: 'hot' },
          hotKeys: detector,
          broadcast: { bus, heartbeatMs: 0 },
          policy: generousPolicy(),
          clock,
        });
      return { detector, products: cache(`${namespace}-p`), stock: cache(`${namespace}-s`) };
    };
    const a = nodeOf();
    const b = nodeOf();
    const caches = [a.products, a.stock, b.products, b.stock];
    await Promise.all(caches.map((c) => c.ready()));
    const events: string[] = [];
    for (const c of caches) {
      c.events.on('hotKey', (e) => events.push(`${e.namespace} ${e.key} ${e.hot} ${e.source}`));
    }
    const load = async (key: string) => `value of ${key}`;

    for (let i = 0; i < 30; i++) {
      await a.products.get('sku-1', load);
      await a.stock.get('sku-1', load);
    }
    clock.advance(250);
    a.detector.tick(); // 30 reads in each namespace: hot in neither
    expect(a.detector.isHot('sku-1', `${namespace}-p`)).toBe(false);
    expect(a.detector.isHot('sku-1', `${namespace}-s`)).toBe(false);
    expect(events).toEqual([]);

    for (let i = 0; i < 30; i++) await a.products.get('sku-1', load);
    const sharedToB = wait((resolve) =>
      b.products.events.on('hotKey', (e) => e.hot && resolve(e.source)),
    );
    clock.advance(250);
    a.detector.tick(); // 60 product reads in the window: hot in products only
    expect(await sharedToB).toBe('remote');
    expect(events).toEqual([`${namespace}-p sku-1 true local`, `${namespace}-p sku-1 true remote`]);
    for (const { detector } of [a, b]) {
      expect(detector.isHot('sku-1', `${namespace}-p`)).toBe(true);
      expect(detector.isHot('sku-1', `${namespace}-s`)).toBe(false);
    }
    expect([a.products.stats().hotKeys, a.stock.stats().hotKeys]).toEqual([1, 0]);

    await a.products.get('sku-1', load);
    await a.stock.get('sku-1', load);
    await a.products.get('sku-1', load);
    await a.stock.get('sku-1', load);
    expect([a.products.stats().l1Entries, a.stock.stats().l1Entries]).toEqual([1, 0]);
    await Promise.all(caches.map((c) => c.close()));
    a.detector.close();
    b.detector.close();
  });
}
