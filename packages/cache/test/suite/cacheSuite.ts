import { ManualClock } from '@mallkit/resilience';
import { describe, expect, it } from 'vitest';
import {
  type CacheOptions,
  createCache,
  dispersedKeys,
  isCacheError,
  type L2Store,
} from '../../src/index.js';
import { limitsSuite } from './limitsSuite.js';
import { gated, generousPolicy, nodesOn, type SuiteEnvironment, wait } from './suiteTools.js';

export type { SuiteEnvironment } from './suiteTools.js';

/**
 * The behaviour every L2/bus adapter must give the cache, run once per adapter:
 * in-process (embedded mode), Redis standalone, Redis Cluster.
 */
export function cacheSuite(adapter: string, env: () => SuiteEnvironment): void {
  describe(`cache on ${adapter}`, () => {
    const setup = <T>(overrides: Partial<CacheOptions<T>> = {}) => nodesOn<T>(env, overrides);

    it('reads through L1, L2 and the loader, and invalidation drops the key everywhere', async () => {
      const { node } = setup<string>();
      const a = node();
      const b = node();
      await Promise.all([a.ready(), b.ready()]);
      let loads = 0;
      const loader = async (key: string) => {
        loads++;
        return `value of ${key} v${loads}`;
      };
      expect(await a.get('p1', loader)).toBe('value of p1 v1');
      expect(await a.get('p1', loader)).toBe('value of p1 v1');
      expect(a.stats().hits).toEqual({ l1: 1, l2: 0 });
      expect(await b.get('p1', loader)).toBe('value of p1 v1');
      expect(b.stats().hits).toEqual({ l1: 0, l2: 1 });
      expect(loads).toBe(1);

      const dropped = wait((resolve) =>
        b.events.on('invalidate', (e) => e.origin === 'remote' && resolve(e.keys)),
      );
      await a.invalidate('p1');
      expect(await dropped).toEqual(['p1']);
      expect(await b.get('p1', loader)).toBe('value of p1 v2');
      expect(await a.get('p1', loader)).toBe('value of p1 v2');
      expect(loads).toBe(2);
      await Promise.all([a.close(), b.close()]);
    });

    it('with stampedeLock, makes one loader call across nodes for a cold key', async () => {
      const e = env();
      const inner = e.l2();
      let refused!: () => void;
      const lockRefused = new Promise<void>((resolve) => {
        refused = resolve;
      });
      // Instrumentation only: the real store answers; the test learns when a lock was refused.
      const l2: L2Store = {
        getMany: (keys) => inner.getMany(keys),
        setMany: (writes) => inner.setMany(writes),
        delete: (keys) => inner.delete(keys),
        unlock: (key) => inner.unlock(key),
        tryLock: async (key, ttlMs) => {
          const held = await inner.tryLock(key, ttlMs);
          if (!held) refused();
          return held;
        },
      };
      const namespace = e.namespace();
      const node = () =>
        createCache<string>({
          namespace,
          l2,
          policy: generousPolicy(),
          stampedeLock: { ttlMs: 5000, waitMs: 5000 },
        });
      const [a, b] = [node(), node()];
      let loads = 0;
      const loader = async () => {
        loads++;
        await lockRefused; // hold the lock until the other node has been refused it
        return 'loaded once';
      };
      expect(await Promise.all([a.get('cold', loader), b.get('cold', loader)])).toEqual([
        'loaded once',
        'loaded once',
      ]);
      expect(loads).toBe(1);
      await Promise.all([a.close(), b.close()]);
    });

    it('keeps dispersed copies of a hot key, reads one, and invalidates them all', async () => {
      const { node, l2, namespace } = setup<string>({
        disperse: (key) => (key === 'phone' ? 4 : 1),
      });
      const cache = node({ l1: false });
      await cache.set('phone', 'launch edition');
      await cache.set('case', 'plain');
      const copies = dispersedKeys(`${namespace}:phone`, 4);
      expect((await l2.getMany(copies)).every((v) => typeof v === 'string')).toBe(true);
      expect(await l2.getMany([`${namespace}:case`])).toEqual([expect.any(String)]);
      for (let i = 0; i < 20; i++) expect(await cache.get('phone')).toBe('launch edition');
      await cache.invalidate('phone');
      expect(await l2.getMany(copies)).toEqual([null, null, null, null]);
      await cache.close();
    });

    it('makes one loader call for 1,000 concurrent gets of a cold key', async () => {
      const { node } = setup<number>();
      const cache = node();
      let loads = 0;
      const { gate, release } = gated();
      const loader = async () => {
        loads++;
        await gate;
        return 42;
      };
      const reads = Array.from({ length: 1000 }, () => cache.get('cold', loader));
      release();
      expect(new Set(await Promise.all(reads))).toEqual(new Set([42]));
      expect(loads).toBe(1);
      await cache.close();
    });

    it('gives every concurrent waiter the loader error and caches nothing', async () => {
      const { node } = setup<string>();
      const cache = node();
      let loads = 0;
      const failing = async () => {
        loads++;
        throw new Error('db down');
      };
      const results = await Promise.allSettled([cache.get('k', failing), cache.get('k', failing)]);
      expect(results.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual([
        'db down',
        'db down',
      ]);
      expect(loads).toBe(1);
      expect(await cache.get('k', async () => 'recovered')).toBe('recovered');
      await cache.close();
    });

    it('caches "not found" briefly', async () => {
      const clock = new ManualClock(Date.now());
      const { node } = setup<string>({ clock, negativeTtlMs: 1000 });
      const cache = node();
      let loads = 0;
      const loader = async () => {
        loads++;
        return undefined;
      };
      expect(await cache.get('unknown', loader)).toBeUndefined();
      expect(await cache.get('unknown', loader)).toBeUndefined();
      expect(loads).toBe(1);
      expect(cache.stats().negativeHits).toBe(1);
      clock.advance(1001);
      await cache.get('unknown', loader);
      expect(loads).toBe(2);
      await cache.close();
    });

    it('serves stale while one refresh runs, and the last good value in grace when the loader fails', async () => {
      const clock = new ManualClock(Date.now());
      const { node } = setup<string>({
        clock,
        ttlMs: 1000,
        ttlJitter: 0,
        staleWhileRevalidateMs: 500,
        graceMs: 5000,
      });
      const cache = node({ l1: { ttlMs: 1000 } });
      expect(await cache.get('k', async () => 'v1')).toBe('v1');
      clock.advance(1200);
      const refreshed = wait((resolve) => cache.events.on('refreshed', resolve));
      let loads = 0;
      const { gate, release } = gated();
      const slowLoader = async () => {
        loads++;
        await gate;
        return 'v2';
      };
      expect(await cache.get('k', slowLoader)).toBe('v1');
      expect(await cache.get('k', slowLoader)).toBe('v1');
      release();
      await refreshed;
      expect(loads).toBe(1);
      expect(await cache.get('k')).toBe('v2');

      clock.advance(3000); // past freshness and revalidation, within grace
      const failing = async () => {
        throw new Error('db down');
      };
      expect(await cache.get('k', failing)).toBe('v2');
      expect(cache.stats().staleServed).toBe(3);
      clock.advance(10_000); // past grace
      await expect(cache.get('k', failing)).rejects.toThrow('db down');
      await cache.close();
    });

    it('a background refresh that read before an invalidation does not store what it read', async () => {
      const clock = new ManualClock(Date.now());
      const { node } = setup<string>({
        clock,
        ttlMs: 1000,
        ttlJitter: 0,
        staleWhileRevalidateMs: 500,
      });
      const cache = node({ l1: { ttlMs: 1000 } });
      expect(await cache.get('r', async () => 'v1')).toBe('v1');
      clock.advance(1200);
      const { gate, release } = gated();
      const done = wait((resolve) => cache.events.on('error', resolve));
      const refreshed = wait((resolve) => cache.events.on('refreshed', resolve));
      // the refresh reads v1 from the database, then the database changes and the key is invalidated
      expect(await cache.get('r', async () => gate.then(() => 'v1 (read before the update)'))).toBe(
        'v1',
      );
      await cache.invalidate('r');
      release();
      await Promise.race([refreshed, done]);
      expect(await cache.get('r', async () => 'v2')).toBe('v2');
      await cache.close();
    });

    it('an invalidation during a load that fails does not keep the next load out of the cache', async () => {
      const { node } = setup<string>();
      const cache = node();
      const { gate, release } = gated();
      const failing = cache.get('f', () =>
        gate.then(() => {
          throw new Error('db down');
        }),
      );
      await cache.invalidate('f');
      release();
      await expect(failing).rejects.toThrow('db down');
      let loads = 0;
      const loader = async () => {
        loads++;
        return 'ok';
      };
      expect(await cache.get('f', loader)).toBe('ok');
      expect(await cache.get('f', loader)).toBe('ok');
      expect(loads).toBe(1);
      await cache.close();
    });

    it('reads many keys in order: L1 first, one batched loader call for the rest', async () => {
      const { node } = setup<string>();
      const cache = node();
      await cache.get('a', async () => 'A');
      const batches: string[][] = [];
      const loader = async (keys: string[]) => {
        batches.push(keys);
        return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
      };
      const values = await cache.getMany(['b', 'a', 'missing', 'c', 'b'], loader);
      expect(values).toEqual(['B', 'A', undefined, 'C', 'B']);
      expect(batches).toEqual([['b', 'missing', 'c']]);
      expect(await cache.getMany(['c', 'missing', 'b'], loader)).toEqual(['C', undefined, 'B']);
      expect(batches).toHaveLength(1);
      await cache.close();
    });

    it('drops the L1 when a message was lost (sequence gap) or the bus reconnected', async () => {
      const { node, bus, namespace } = setup<string>();
      const cache = node();
      await cache.ready();
      await cache.get('k', async () => 'v');
      const clears: string[] = [];
      cache.events.on('l1.clear', (e) => clears.push(e.reason));
      const gap = wait((resolve) => cache.events.on('l1.clear', resolve));
      const since = Date.now(); // a sender that started after the cache subscribed
      await bus.publish({
        type: 'invalidate',
        namespace,
        keys: ['x'],
        origin: 'other',
        seq: 1,
        since,
      });
      await bus.publish({
        type: 'invalidate',
        namespace,
        keys: ['y'],
        origin: 'other',
        seq: 3,
        since,
      });
      await gap;
      expect(clears).toEqual(['gap']);
      expect(cache.stats().l1Entries).toBe(0);
      await cache.close();
    });

    it('rejects bad input with a typed error before anything runs', async () => {
      const { node } = setup<string>({ keys: { maxKeyLength: 10, maxBatchSize: 3 } });
      const cache = node();
      let loads = 0;
      const loader = async () => {
        loads++;
        return 'x';
      };
      const codes = await Promise.all(
        [
          cache.get('', loader),
          cache.get('k'.repeat(11), loader),
          cache.get(7 as unknown as string, loader),
          cache.getMany(['a', 'b', 'c', 'd'], async () => []),
          cache.getMany(['a', ''], async () => []),
          cache.invalidate(['ok', null as unknown as string]),
        ].map((p) =>
          p.then(
            () => 'resolved',
            (e: unknown) => (isCacheError(e) ? e.code : 'other'),
          ),
        ),
      );
      expect(codes).toEqual([
        'INVALID_KEY',
        'INVALID_KEY',
        'INVALID_KEY',
        'BATCH_TOO_LARGE',
        'INVALID_KEY',
        'INVALID_KEY',
      ]);
      expect(loads).toBe(0);
      expect(() => createCache({ namespace: 'bad ns' })).toThrow(/namespace/);
      expect(() => createCache({ namespace: 'x', ttlMs: 0 })).toThrow(/ttlMs/);
      await cache.close();
    });

    it('returns but does not cache a value over maxValueBytes', async () => {
      const { node } = setup<string>({ maxValueBytes: 100 });
      const cache = node();
      const tooLarge = wait((resolve) => cache.events.on('value.tooLarge', resolve));
      let loads = 0;
      const big = async () => {
        loads++;
        return 'x'.repeat(200);
      };
      expect(await cache.get('big', big)).toHaveLength(200);
      await tooLarge;
      await cache.get('big', big);
      expect(loads).toBe(2);
      await cache.close();
    });

    limitsSuite(env);
  });
}
