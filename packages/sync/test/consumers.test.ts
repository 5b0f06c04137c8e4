import { randomBytes } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { createCache } from '@mallkit/cache';
import { TestDatabase, waitFor } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { Redis } from 'ioredis';
import { createPool, type Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CacheInvalidator,
  type ChangeEvent,
  Consumer,
  cacheInvalidationConsumer,
  MemoryDeduplicator,
  MemoryTransport,
  productStockConsumer,
  type SqlExecutor,
} from '../src/index.js';
import { RedisDeduplicator, RedisStreamTransport } from '../src/redis/index.js';
import { changeMessage } from './fixtures/transportSuite.js';

const { redis: redisServer, mysql } = harness();

const stockChange = (id: string, sku: string, available: number, version: number) =>
  changeMessage(id, sku, { after: { sku, available, version } });

const mapStock = (change: ChangeEvent) => {
  const after = change.after;
  if (!after) return undefined;
  return {
    sku: String(after['sku']),
    available: Number(after['available']),
    version: Number(after['version']),
  };
};

describe('consumers', () => {
  const redis = new Redis(redisServer.url);
  const stops: Array<() => Promise<void>> = [];
  let database: TestDatabase;
  let pool: Pool;
  const prefix = () => `tc:${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    database = await TestDatabase.create(mysql.serverUrl, 'mallkit_sync');
    pool = createPool({ uri: database.url, connectionLimit: 4 });
    await pool.query(
      'CREATE TABLE product_stock (sku VARCHAR(64) PRIMARY KEY, available INT NOT NULL, stock_version BIGINT NOT NULL)',
    );
  });
  afterAll(async () => {
    for (const stop of stops.splice(0)) await stop();
    await pool?.end();
    await database?.drop();
    redis.disconnect();
  });

  const start = async (consumer: Consumer) => {
    await consumer.start();
    stops.push(() => consumer.stop());
    return consumer;
  };

  it('skips a change it already processed (RedisDeduplicator), marking only after success', async () => {
    const keyPrefix = prefix();
    const transport = new RedisStreamTransport({
      redis,
      keyPrefix,
      partitions: 2,
      blockMs: 100,
      retryDelayMs: 10,
    });
    const effects = new Map<string, number>();
    let failOnce = true;
    const consumer = await start(
      new Consumer({
        transport,
        topic: 'dedup',
        group: 'g',
        name: 'c1',
        deduplicator: new RedisDeduplicator({ redis, namespace: 'g', keyPrefix, ttlMs: 60_000 }),
        handler: async (change) => {
          if (change.id === 'flaky' && failOnce) {
            failOnce = false;
            throw new Error('transient');
          }
          effects.set(change.id, (effects.get(change.id) ?? 0) + 1);
        },
      }),
    );
    const duplicates: string[] = [];
    consumer.events.on('duplicate', (e) => duplicates.push(e.id));
    await transport.publish('dedup', [changeMessage('a', 'k1'), changeMessage('flaky', 'k2')]);
    await transport.publish('dedup', [changeMessage('a', 'k1'), changeMessage('flaky', 'k2')]); // re-sent
    await waitFor('both copies seen', 10_000, () => duplicates.length === 2);
    expect(Object.fromEntries(effects)).toEqual({ a: 1, flaky: 1 });
    expect(consumer.stats()).toMatchObject({
      handled: 2,
      duplicates: 2,
      failed: 1,
      lastId: 'flaky',
    });
    expect(await redis.exists(`${keyPrefix}processed:g:a`)).toBe(1);
  });

  it('invalidates the keys of each change in a @mallkit/cache Cache', async () => {
    const cache = createCache<string>({ namespace: `products-${randomBytes(3).toString('hex')}` });
    const invalidator: CacheInvalidator = cache; // structurally compatible, no dependency
    const transport = new MemoryTransport({ partitions: 2 });
    const dropped: string[][] = [];
    cache.events.on('invalidate', (e) => dropped.push([...e.keys]));
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get('product:sku-1', load)).toBe('v1');
    expect(await cache.get('product:sku-1', load)).toBe('v1');
    await start(
      new Consumer({
        transport,
        topic: 'shop.products',
        group: 'cache',
        name: 'c1',
        handler: cacheInvalidationConsumer({
          cache: invalidator,
          keys: (change) => (change.op === 'event' ? [] : [`product:${change.key}`]),
        }),
      }),
    );
    await transport.publish('shop.products', [
      changeMessage('e1', 'sku-1'),
      changeMessage('e2', 'sku-9', { op: 'event' }),
    ]);
    await waitFor('the invalidation', 10_000, () => dropped.length === 1);
    expect(dropped).toEqual([['product:sku-1']]);
    expect(await cache.get('product:sku-1', load)).toBe('v2');
    await waitFor(
      'done',
      10_000,
      async () => (await transport.consumerLag('shop.products', 'cache')).messages === 0,
    );
    await cache.close();
  });

  it('applies stock changes to a MariaDB product table; redelivered and reordered ones never regress it', async () => {
    const transport = new RedisStreamTransport({
      redis,
      keyPrefix: prefix(),
      partitions: 3,
      blockMs: 100,
      retryDelayMs: 10,
    });
    let failures = 1;
    const db: SqlExecutor = {
      execute: async (sql, params) => {
        if (failures-- > 0) throw new Error('deadlock, try again');
        return pool.execute(sql, params);
      },
    };
    const consumer = await start(
      new Consumer({
        transport,
        topic: 'shop.stock_level',
        group: 'product-stock',
        name: 'c1',
        handler: productStockConsumer({ db, map: mapStock }),
      }),
    );
    await transport.publish('shop.stock_level', [
      stockChange('a1', 'A', 10, 1),
      stockChange('a3', 'A', 7, 3),
      stockChange('a2', 'A', 9, 2), // arrives after a newer one
      stockChange('a3', 'A', 7, 3), // redelivered
      stockChange('b5', 'B', 5, 5),
      stockChange('b4', 'B', 4, 4),
      changeMessage('c-del', 'C', { op: 'delete', before: { sku: 'C' } }), // maps to nothing
    ]);
    await waitFor('all applied', 15_000, async () => consumer.stats().handled === 7);
    const [rows] = await pool.query(
      'SELECT sku, available, stock_version FROM product_stock ORDER BY sku',
    );
    expect(rows).toEqual([
      { sku: 'A', available: 7, stock_version: 3 },
      { sku: 'B', available: 5, stock_version: 5 },
    ]);
    expect(consumer.stats().failed).toBe(1);
    // Through the native pool type as well: a mysql2 Pool is an SqlExecutor as it is.
    const direct = productStockConsumer({ db: pool, map: mapStock });
    const replay = JSON.parse(stockChange('a1', 'A', 10, 1).body) as ChangeEvent;
    await direct(replay, { ...stockChange('a1', 'A', 10, 1), topic: 't', deliveries: 2 });
    const [again] = await pool.query('SELECT available FROM product_stock WHERE sku = ?', ['A']);
    expect(again).toEqual([{ available: 7 }]);
  });

  it('applies the same guarded upsert on SQLite', async () => {
    const sqlite = new DatabaseSync(':memory:');
    sqlite.exec(
      'CREATE TABLE stock (id TEXT PRIMARY KEY, units INTEGER NOT NULL, v INTEGER NOT NULL)',
    );
    const handler = productStockConsumer({
      db: { execute: async (sql, params) => sqlite.prepare(sql).run(...params) },
      map: mapStock,
      dialect: 'sqlite',
      table: 'stock',
      skuColumn: 'id',
      availableColumn: 'units',
      versionColumn: 'v',
    });
    const dedup = new MemoryDeduplicator();
    for (const [id, available, version] of [
      ['x1', 3, 1],
      ['x3', 1, 3],
      ['x2', 2, 2],
    ] as const) {
      const message = stockChange(id, 'X', available, version);
      await handler(JSON.parse(message.body) as ChangeEvent, {
        ...message,
        topic: 't',
        deliveries: 1,
      });
      await dedup.markProcessed(id);
    }
    expect(sqlite.prepare('SELECT id, units, v FROM stock').all()).toEqual([
      { id: 'X', units: 1, v: 3 },
    ]);
    sqlite.close();
  });
});
