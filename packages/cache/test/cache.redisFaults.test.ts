import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { RedisServer } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { DependencyPolicy } from '@mallkit/resilience';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache, isCacheError } from '../src/index.js';
import { RedisBus, RedisL2 } from '../src/redis/index.js';

describe('Redis stopped mid-test', () => {
  let server: RedisServer;
  let client: Redis;
  beforeAll(async () => {
    server = await RedisServer.start({ name: 'cache-faults' });
    client = new Redis(server.url, { retryStrategy: () => 50 });
    client.on('error', () => {});
  });
  afterAll(async () => {
    client.disconnect();
    await server.stop();
  });

  it('keeps answering from L1 and the loader within the L2 deadline', async () => {
    const policy = new DependencyPolicy({
      name: 'l2',
      preset: 'redis',
      timeoutMs: 50,
      retry: false,
    });
    const cache = createCache<string>({ namespace: 'faults', l2: new RedisL2(client), policy });
    expect(await cache.get('warm', async () => 'from db')).toBe('from db');
    const reconnecting = once(client, 'reconnecting');
    await server.kill();
    await reconnecting;

    expect(await cache.get('warm', async () => 'unused')).toBe('from db'); // L1
    let loads = 0;
    const cold = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        cache.get(`cold${i}`, async () => {
          loads++;
          return `db ${i}`;
        }),
      ),
    );
    expect(cold).toEqual(Array.from({ length: 20 }, (_, i) => `db ${i}`));
    expect(loads).toBe(20);
    expect(cache.stats().l2Errors).toBeGreaterThanOrEqual(20);
    await server.restart();
    await cache.close();
  });

  it('set rejects with L2_UNAVAILABLE while Redis is down, and this node keeps no copy', async () => {
    const policy = new DependencyPolicy({
      name: 'l2-set',
      preset: 'redis',
      timeoutMs: 50,
      retry: false,
    });
    const cache = createCache<string>({ namespace: 'faults-set', l2: new RedisL2(client), policy });
    if (client.status !== 'ready') await once(client, 'ready'); // back from the previous test
    await cache.set('banner', 'spring sale');
    const failures: unknown[] = [];
    cache.events.on('l2.error', (e) => e.operation === 'set' && failures.push(e.error));
    const reconnecting = once(client, 'reconnecting');
    await server.kill();
    await reconnecting;

    const error = await cache.set('banner', 'summer sale').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCacheError(error) && error.code).toBe('L2_UNAVAILABLE');
    expect(isCacheError(error) && error.cause).toBe(failures[0]); // what l2.error reported
    expect(failures).toHaveLength(1);
    expect(cache.stats().l1Entries).toBe(0); // dropped: other nodes cannot read 'summer sale'
    await server.restart();
    await cache.close();
  });
});

describe('broadcast over real Redis', () => {
  const { redis } = harness();
  let client: Redis;
  beforeAll(() => {
    client = new Redis(redis.url);
  });
  afterAll(() => client.disconnect());

  it('reaches 3 separate node processes, and each drops its L1 entry', async () => {
    const namespace = `nodes${Date.now()}`;
    const channel = `bus:${namespace}`;
    const fixture = fileURLToPath(new URL('./fixtures/cacheNode.ts', import.meta.url));
    const cwd = fileURLToPath(new URL('..', import.meta.url)); // where tsx is installed
    const nodes: ChildProcess[] = Array.from({ length: 3 }, () =>
      fork(fixture, [redis.url, namespace, channel], {
        cwd,
        execArgv: ['--import', 'tsx'],
        stdio: 'inherit',
      }),
    );
    try {
      const ready = await Promise.all(nodes.map((n) => once(n, 'message')));
      expect(ready.map(([m]) => m)).toEqual(Array(3).fill({ type: 'ready', l1Entries: 1 }));
      const bus = new RedisBus(client, { channel });
      const writer = createCache<string>({
        namespace,
        l2: new RedisL2(client),
        policy: new DependencyPolicy({ name: 'writer-l2', preset: 'redis', timeoutMs: 5000 }),
        broadcast: { bus, heartbeatMs: 0 },
      });
      await writer.ready();
      const dropped = Promise.all(nodes.map((n) => once(n, 'message')));
      await writer.invalidate('product:1');
      expect((await dropped).map(([m]) => m)).toEqual(
        Array(3).fill({ type: 'dropped', keys: ['product:1'], l1Entries: 0 }),
      );
      await writer.close();
      await bus.close();
    } finally {
      for (const node of nodes) node.send({ type: 'exit' });
      await Promise.all(nodes.map((n) => (n.exitCode === null ? once(n, 'exit') : undefined)));
    }
  });

  it('drops the L1 when the subscriber connection is dropped', async () => {
    const namespace = `reconnect${Date.now()}`;
    const bus = new RedisBus(client, { channel: `bus:${namespace}` });
    const cache = createCache<string>({
      namespace,
      l2: new RedisL2(client),
      broadcast: { bus, heartbeatMs: 0 },
    });
    await cache.ready();
    await cache.get('k', async () => 'v');
    expect(cache.stats().l1Entries).toBe(1);
    const cleared = new Promise((resolve) => cache.events.on('l1.clear', resolve));
    await client.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    expect(await cleared).toEqual({ namespace, reason: 'reset' });
    expect(cache.stats().l1Entries).toBe(0);
    await cache.close();
    await bus.close();
  });
});
