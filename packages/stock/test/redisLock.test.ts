import { randomUUID } from 'node:crypto';
import { freePort } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { Cluster, Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { isStockError, type LockLease, type StockErrorCode, StockService } from '../src/index.js';
import { type RedisLockClient, RedisLockProvider } from '../src/redis/index.js';
import { mariadb } from './fixtures/backends.js';
import { expectConsistent } from './suite/invariants.js';

type Client = Redis | Cluster;

const codeOf = async (work: Promise<unknown>): Promise<StockErrorCode | 'ok' | 'other'> => {
  try {
    await work;
    return 'ok';
  } catch (error) {
    return isStockError(error) ? error.code : 'other';
  }
};

const count = <T>(items: T[], of: T) => items.filter((i) => i === of).length;

/** A key of its own per call, hash-tagged like the ones the lock strategy builds. */
const freshKey = (name: string) => `test:lock:${randomUUID()}:{${name}}`;

/** Polls until `key` can be taken (its holder's ttl ran out); fails after `withinMs`. */
async function acquireOnceFree(
  provider: RedisLockProvider,
  key: string,
  ttlMs: number,
  withinMs = 5000,
): Promise<LockLease> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const lease = await provider.tryAcquire(key, ttlMs);
    if (lease) return lease;
    if (Date.now() > deadline) throw new Error(`"${key}" still held after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Rejection of `work`, or a failed expectation when it resolves. */
async function rejectionOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const { redis, cluster } = harness();

const modes = [
  {
    name: 'standalone',
    connect: (): Client => new Redis(redis.url),
    /** A client of a port nothing listens on, that gives up at once. */
    unreachable: (port: number): Client =>
      new Redis({
        host: '127.0.0.1',
        port,
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      }),
    flushScripts: async (client: Client) => {
      await (client as Redis).script('FLUSH');
    },
  },
  {
    name: 'cluster',
    connect: (): Client => new Cluster(cluster.seeds),
    unreachable: (port: number): Client =>
      new Cluster([{ host: '127.0.0.1', port }], {
        lazyConnect: true,
        clusterRetryStrategy: () => null,
        redisOptions: { maxRetriesPerRequest: 0 },
      }),
    flushScripts: async (client: Client) => {
      await Promise.all((client as Cluster).nodes('master').map((node) => node.script('FLUSH')));
    },
  },
];

describe.each(modes)('RedisLockProvider on $name Redis', (mode) => {
  const clients: Client[] = [];
  const connect = (make: () => Client = mode.connect) => {
    const client = make();
    client.on('error', () => {});
    clients.push(client);
    return client;
  };
  afterAll(() => {
    for (const client of clients) client.disconnect();
  });

  it('lets one holder at a time take a key, across clients', async () => {
    const a = new RedisLockProvider(connect());
    const b = new RedisLockProvider(connect());
    const key = freshKey('sku');

    const held = await a.tryAcquire(key, 10_000);
    expect(held).not.toBeNull();
    expect(await a.tryAcquire(key, 10_000)).toBeNull();
    expect(await b.tryAcquire(key, 10_000)).toBeNull();

    await held?.release();
    const next = await b.tryAcquire(key, 10_000);
    expect(next?.token).toBeGreaterThan(held?.token ?? Number.POSITIVE_INFINITY);
    await next?.release();

    const rush = freshKey('rush');
    const leases = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).tryAcquire(rush, 10_000)),
    );
    expect(leases.filter((l) => l !== null)).toHaveLength(1);
  });

  it('hands out strictly increasing tokens per key, also after a lock expired', async () => {
    const provider = new RedisLockProvider(connect());
    const key = freshKey('tokens');
    const tokens: number[] = [];
    for (let i = 0; i < 5; i++) {
      const lease = await provider.tryAcquire(key, 10_000);
      if (!lease) throw new Error('a released key must be free');
      tokens.push(lease.token);
      await lease.release();
    }
    const expiring = await provider.tryAcquire(key, 50);
    if (!expiring) throw new Error('a released key must be free');
    tokens.push(expiring.token);
    expect(await provider.tryAcquire(key, 10_000)).toBeNull();
    const after = await acquireOnceFree(provider, key, 10_000);
    tokens.push(after.token);

    expect(tokens).toEqual([...tokens].sort((x, y) => x - y));
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every(Number.isSafeInteger)).toBe(true);
    // another key has its own sequence
    const other = await provider.tryAcquire(freshKey('tokens'), 10_000);
    expect(other?.token).toBe(1);
  });

  it('a stale lease cannot release the lock of the holder that came after it', async () => {
    const provider = new RedisLockProvider(connect());
    const key = freshKey('stale');
    const stale = await provider.tryAcquire(key, 50);
    if (!stale) throw new Error('a fresh key must be free');
    const current = await acquireOnceFree(provider, key, 10_000);
    expect(current.token).toBeGreaterThan(stale.token);

    await stale.release();
    expect(await provider.tryAcquire(key, 10_000)).toBeNull();

    await current.release();
    await current.release(); // twice is harmless
    expect(await provider.tryAcquire(key, 10_000)).not.toBeNull();
  });

  it('runs the scripts by SHA1 and reloads them after the server lost them', async () => {
    const client = connect();
    const calls = { evalsha: 0, eval: 0 };
    const counting: RedisLockClient = {
      call: (command, ...args) => {
        if (command === 'evalsha' || command === 'eval') calls[command]++;
        return client.call(command, ...args);
      },
    };
    const provider = new RedisLockProvider(counting);
    const key = freshKey('noscript');

    await mode.flushScripts(client);
    const first = await provider.tryAcquire(key, 10_000);
    await first?.release();
    // both scripts: NOSCRIPT, then EVAL. The servers are shared with other test files,
    // which may load the same script (same SHA1) between the flush and our call: then
    // only the other one needs EVAL.
    expect(calls.evalsha).toBe(2);
    expect(calls.eval).toBeGreaterThanOrEqual(1);
    const loads = calls.eval;

    const second = await provider.tryAcquire(key, 10_000);
    await second?.release();
    expect(calls).toEqual({ evalsha: 4, eval: loads }); // cached now
    expect(second?.token).toBe((first?.token ?? 0) + 1);
  });

  it('reports an unreachable Redis as STORE_UNAVAILABLE, quickly', async () => {
    const port = await freePort();
    const client = connect(() => mode.unreachable(port));
    const provider = new RedisLockProvider(client);
    const started = Date.now();
    const error = await rejectionOf(provider.tryAcquire(freshKey('down'), 1000));
    expect(isStockError(error) && error.code).toBe('STORE_UNAVAILABLE');
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports a release on a closed client as STORE_UNAVAILABLE', async () => {
    const client = connect();
    const provider = new RedisLockProvider(client);
    const lease = await provider.tryAcquire(freshKey('closed'), 1000);
    if (!lease) throw new Error('a fresh key must be free');
    client.disconnect();
    const error = await rejectionOf(lease.release());
    expect(isStockError(error) && error.code).toBe('STORE_UNAVAILABLE');
  });

  it('refuses a ttl that is not a positive number', async () => {
    const provider = new RedisLockProvider(connect());
    for (const ttl of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = await rejectionOf(provider.tryAcquire(freshKey('ttl'), ttl));
      expect(isStockError(error) && error.code).toBe('INVALID_OPTION');
    }
  });

  it('keeps two stock services on one MariaDB from overselling', async () => {
    const store = await mariadb.open();
    try {
      const keyPrefix = `test:stock:${randomUUID()}:`;
      const redisOfOne = connect();
      const [one, two] = [redisOfOne, connect()].map(
        (client) =>
          new StockService({
            db: store.db,
            strategy: 'lock',
            lock: { provider: new RedisLockProvider(client), waitMs: 30_000, keyPrefix },
          }),
      );
      if (!one || !two) throw new Error('two services');
      await one.defineWarehouse({ code: 'w' });
      await one.defineSku({ sku: 's' });
      await one.restock({ sku: 's', warehouse: 'w', quantity: 100, receiptNo: 'r1' });

      const codes = await Promise.all(
        Array.from({ length: 400 }, (_, i) =>
          codeOf(
            (i % 2 ? one : two).deduct({
              orderNo: `O-${i}`,
              lines: [{ sku: 's', quantity: 1 }],
            }),
          ),
        ),
      );
      expect(count(codes, 'ok')).toBe(100);
      expect(count(codes, 'INSUFFICIENT_STOCK')).toBe(300);
      for (const service of [one, two]) {
        expect((await service.query(['s']))[0]?.sellable).toBe(0);
      }
      // the rows were written under tokens of this provider
      const issued = Number(await redisOfOne.get(`${keyPrefix}{s}:fence`));
      expect(issued).toBeGreaterThanOrEqual(100);
      const rows = await store.db.selectFrom('stock_level').select('fence').execute();
      for (const { fence } of rows) expect(Number(fence)).toBeGreaterThan(0);
      for (const { fence } of rows) expect(Number(fence)).toBeLessThanOrEqual(issued);
      await expectConsistent(store);
    } finally {
      await store.close();
    }
  });
});
