// End to end: a stock update in the inventory DB reaches the product system's table and
// invalidates the product cache within a bounded lag.
//
//   @mallkit/stock (inventory.stock_level, private binlog MariaDB)
//     → BinlogSource (filter: inventory.stock_level) → CdcPipeline
//     → RedisStreamTransport (topic inventory.stock_level, 4 partitions)
//     → Consumer (group product-system): productStockConsumer, then cacheInvalidationConsumer
//     → products.product_stock_level (+ the product_stock view) and a @mallkit/cache (L1 + RedisL2)
//
// Mapping: a stock_level row is one (sku, warehouse, shard), and its `version` only grows
// per row, not per SKU. So the product system keeps one row per stock_level row, keyed by
// the change key `sku:warehouse:shard` with the row's version (the versioned upsert then
// cannot be regressed by a redelivered or late change of that row), and shows a SKU's
// availability through the `product_stock` view: per warehouse max(0, Σ shards of
// physical − reserved − safety − activity), summed over warehouses, exactly what
// `StockService.query(...).sellable` computes. (SKU and warehouse codes must not contain `:`.)
//
// The cache is invalidated by the SAME handler, after the product row is written: with
// a second consumer group the invalidation could run before the write, and a read in
// between would cache the old number again until the TTL.
import { randomBytes } from 'node:crypto';
import { type Cache, createCache } from '@mallkit/cache';
import { RedisL2 } from '@mallkit/cache/redis';
import { MariaDbServer, waitFor } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { DependencyPolicy } from '@mallkit/resilience';
import { migrateStock, StockService } from '@mallkit/stock';
import { Redis } from 'ioredis';
import { Kysely, MysqlDialect, sql } from 'kysely';
import { createPool as createCallbackPool } from 'mysql2';
import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CdcPipeline,
  type ChangeEvent,
  Consumer,
  cacheInvalidationConsumer,
  productStockConsumer,
} from '../src/index.js';
import { BinlogSource } from '../src/mysql/index.js';
import { RedisStreamTransport } from '../src/redis/index.js';

/** The bound on commit → effect, for the product table and for the cache alike. */
const LAG_BOUND_MS = 5000;
const TOPIC = 'inventory.stock_level';
const SKU = 'phone-128';

interface ProductStock {
  sku: string;
  available: number;
}

const num = (row: Record<string, unknown> | undefined, column: string) => Number(row?.[column]);

/** A stock_level row image → the product system's row for it. */
const productRowOf = (change: ChangeEvent) => {
  const row = change.after;
  if (!row) return undefined; // @mallkit/stock never deletes stock_level rows
  return {
    sku: change.key,
    available:
      num(row, 'physical') - num(row, 'reserved') - num(row, 'safety') - num(row, 'activity'),
    version: num(row, 'version'),
  };
};

let server: MariaDbServer;
let inventory: Kysely<never>;
let products: Pool;
let stock: StockService;
let redis: Redis;
let transport: RedisStreamTransport;
let pipeline: CdcPipeline;
let consumer: Consumer;
let cache: Cache<ProductStock>;
const prefix = `e2e:${randomBytes(4).toString('hex')}:`;
/** Every change the handler was given, in order, with its delivery count. */
const seen: Array<{ change: ChangeEvent; deliveries: number }> = [];
/** Times (epoch ms) the cache invalidated the SKU. */
const invalidations: number[] = [];
let loads = 0;
/** Makes the handler fail once after its effects: a crash between the effect and the ack. */
let crashAfterEffect = false;
const lags: Record<string, number> = {};

/** The lags measured by the current test, as one line (a test annotation), then forgets them. */
function lagReport(): string {
  const line = Object.entries(lags)
    .map(([what, ms]) => `${what} ${ms} ms`)
    .join('; ');
  for (const what of Object.keys(lags)) delete lags[what];
  return `lag from write start (bound ${LAG_BOUND_MS} ms): ${line}`;
}

/** The product system's view of a SKU, as the app reads it. */
async function productStock(sku: string): Promise<ProductStock | undefined> {
  const [rows] = await products.query<RowDataPacket[]>(
    'SELECT sku, available FROM product_stock WHERE sku = ?',
    [sku],
  );
  const row = rows[0];
  return row ? { sku: String(row['sku']), available: Number(row['available']) } : undefined;
}

/** The cache's loader: the product view, counted. */
function load(sku: string): Promise<ProductStock | undefined> {
  loads++;
  return productStock(sku);
}

/** What the inventory says is sellable. */
async function sellable(sku: string): Promise<number> {
  const [view] = await stock.query([sku]);
  return view?.sellable ?? Number.NaN;
}

/** Inventory rows and product rows side by side: level key → [available, version]. */
async function rowsOfBoth(): Promise<{ inventory: unknown[][]; product: unknown[][] }> {
  const { rows: inv } = await sql<Record<string, unknown>>`SELECT * FROM stock_level`.execute(
    inventory,
  );
  const [prod] = await products.query<RowDataPacket[]>(
    'SELECT level_key, available, stock_version FROM product_stock_level',
  );
  const invRows = inv.map((r) => [
    `${r['sku']}:${r['warehouse']}:${r['shard']}`,
    num(r, 'physical') - num(r, 'reserved') - num(r, 'safety') - num(r, 'activity'),
    num(r, 'version'),
  ]);
  const prodRows = prod.map((r) => [
    String(r['level_key']),
    num(r, 'available'),
    num(r, 'stock_version'),
  ]);
  const sort = (rows: unknown[][]) => rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return { inventory: sort(invRows), product: sort(prodRows) };
}

/**
 * Runs `write` against the inventory, then polls until the product table and then the
 * cache show what the inventory says; returns both lags, measured from before the write
 * started (so they bound commit → effect from above).
 */
async function writeAndMeasure(
  label: string,
  write: () => Promise<unknown>,
): Promise<{ table: number; cache: number; expected: number }> {
  const loadsBefore = loads;
  const invalidationsBefore = invalidations.length;
  const previous = await sellable(SKU);
  const started = Date.now();
  await write();
  const expected = await sellable(SKU);
  expect(expected).not.toBe(previous); // else the polls below would be satisfied at once
  await waitFor(
    `${label}: product_stock shows ${expected}`,
    LAG_BOUND_MS,
    async () => (await productStock(SKU))?.available === expected,
    5,
  );
  const table = Date.now() - started;
  await waitFor(
    `${label}: the cache shows ${expected}`,
    LAG_BOUND_MS,
    async () => (await cache.get(SKU, load))?.available === expected,
    5,
  );
  const cached = Date.now() - started;
  lags[`${label}: product table`] = table;
  lags[`${label}: cache`] = cached;
  // the old value was in L1 with a 60 s TTL: only an invalidation can have dropped it
  expect(invalidations.length).toBeGreaterThan(invalidationsBefore);
  expect(invalidations.at(-1) as number).toBeGreaterThanOrEqual(started);
  expect(loads).toBeGreaterThan(loadsBefore);
  return { table, cache: cached, expected };
}

beforeAll(async () => {
  server = await MariaDbServer.start({ name: 'sync-e2e' });
  const connection = { host: server.host, port: server.port, user: server.user };
  const admin = await createPool({ ...connection, connectionLimit: 1 });
  await admin.query('CREATE DATABASE inventory');
  await admin.query('CREATE DATABASE products');
  await admin.end();

  inventory = new Kysely<never>({
    dialect: new MysqlDialect({
      pool: createCallbackPool({ ...connection, database: 'inventory', connectionLimit: 8 }),
    }),
  });
  await migrateStock(inventory);
  stock = new StockService({ db: inventory, catalogTtlMs: 0 });

  products = createPool({ ...connection, database: 'products', connectionLimit: 4 });
  await products.query(`CREATE TABLE product_stock_level (
    level_key VARCHAR(200) NOT NULL PRIMARY KEY,
    sku VARCHAR(64) AS (SUBSTRING_INDEX(level_key, ':', 1)) STORED,
    warehouse VARCHAR(64) AS (SUBSTRING_INDEX(SUBSTRING_INDEX(level_key, ':', 2), ':', -1)) STORED,
    available INT NOT NULL,
    stock_version BIGINT NOT NULL,
    KEY product_stock_level_sku (sku)
  )`);
  await products.query(`CREATE VIEW product_stock AS
    SELECT sku, CAST(SUM(GREATEST(0, total)) AS SIGNED) AS available
    FROM (SELECT sku, warehouse, SUM(available) AS total FROM product_stock_level GROUP BY sku, warehouse) w
    GROUP BY sku`);

  redis = new Redis(harness().redis.url);
  cache = createCache<ProductStock>({
    namespace: `${prefix}product-stock`,
    l2: new RedisL2(redis),
    // The test asserts what L2 holds: a 50 ms Redis timeout (the default preset) can drop
    // a fill while the whole suite loads the machine, so give Redis time.
    policy: new DependencyPolicy({ name: 'e2e-l2', preset: 'redis', timeoutMs: 5000 }),
    l1: { ttlMs: 60_000 },
    ttlMs: 60_000,
    negativeTtlMs: 0,
  });
  cache.events.on('invalidate', ({ keys, origin }) => {
    if (origin === 'local' && keys.includes(SKU)) invalidations.push(Date.now());
  });

  transport = new RedisStreamTransport({
    redis,
    keyPrefix: prefix,
    partitions: 4,
    blockMs: 200,
    retryDelayMs: 20,
  });
  pipeline = new CdcPipeline({
    source: new BinlogSource({
      connection,
      name: 'inventory',
      filter: { tables: [TOPIC] },
      retryDelayMs: 50,
      maxRetryDelayMs: 500,
    }),
    transport,
  });
  await pipeline.start();

  const applyStock = productStockConsumer({
    db: products,
    table: 'product_stock_level',
    skuColumn: 'level_key',
    map: productRowOf,
  });
  const invalidate = cacheInvalidationConsumer({
    cache,
    keys: (change) => {
      const row = change.after ?? change.before;
      return row ? [String(row['sku'])] : [];
    },
  });
  consumer = new Consumer({
    transport,
    topic: TOPIC,
    group: 'product-system',
    name: 'e2e-1',
    handler: async (change, delivery) => {
      seen.push({ change, deliveries: delivery.deliveries });
      await applyStock(change, delivery);
      await invalidate(change, delivery);
      if (crashAfterEffect) {
        crashAfterEffect = false;
        throw new Error('crashed after the effect, before the ack');
      }
    },
  });
  await consumer.start();

  await stock.defineWarehouse({ code: 'east' });
  await stock.defineWarehouse({ code: 'west' });
  await stock.defineSku({ sku: SKU, shards: 2 });
});

afterAll(async () => {
  await consumer?.stop();
  await pipeline?.stop();
  await cache?.close();
  if (redis) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
  await products?.end();
  await inventory?.destroy();
  await server?.stop();
});

describe('end to end: inventory stock_level → binlog → Redis Streams → product table + cache', () => {
  it('a restock reaches the product table within the bound; the cache then serves it from L1', async ({
    annotate,
  }) => {
    const started = Date.now();
    await stock.restock({ sku: SKU, warehouse: 'east', quantity: 40, receiptNo: 'R-east-1' });
    await stock.restock({ sku: SKU, warehouse: 'west', quantity: 25, receiptNo: 'R-west-1' });
    expect(await sellable(SKU)).toBe(65);
    await waitFor(
      'the first restocks in product_stock',
      LAG_BOUND_MS,
      async () => (await productStock(SKU))?.available === 65,
      5,
    );
    lags['first restocks: product table'] = Date.now() - started;
    expect(lags['first restocks: product table']).toBeLessThan(LAG_BOUND_MS);
    // The handler updates the table, then invalidates the cache: wait until every change
    // is acknowledged, so no invalidation lands after the reads below.
    await waitFor(
      'every change handled',
      LAG_BOUND_MS,
      async () => (await transport.consumerLag(TOPIC, 'product-system')).messages === 0,
    );

    // fill L1 and L2; the second read is an L1 hit, no load
    const before = loads;
    expect(await cache.get(SKU, load)).toEqual({ sku: SKU, available: 65 });
    expect(loads).toBe(before + 1);
    expect(await redis.exists(`${prefix}product-stock:${SKU}`)).toBe(1);
    const l1Hits = cache.stats().hits.l1;
    expect(await cache.get(SKU, load)).toEqual({ sku: SKU, available: 65 });
    expect(loads).toBe(before + 1);
    expect(cache.stats().hits.l1).toBe(l1Hits + 1);
    await waitFor('every row caught up', LAG_BOUND_MS, async () => {
      const both = await rowsOfBoth();
      return JSON.stringify(both.product) === JSON.stringify(both.inventory);
    });

    await annotate(lagReport());
  });

  it('a deduction and a restock each reach the product table and invalidate the cache within the bound', async ({
    annotate,
  }) => {
    const deducted = await writeAndMeasure('deduct 3', () =>
      stock.deduct({ orderNo: 'SO-1', lines: [{ sku: SKU, quantity: 3 }] }),
    );
    expect(deducted.expected).toBe(62);
    expect(deducted.table).toBeLessThan(LAG_BOUND_MS);
    expect(deducted.cache).toBeLessThan(LAG_BOUND_MS);

    const restocked = await writeAndMeasure('restock 10', () =>
      stock.restock({ sku: SKU, warehouse: 'west', quantity: 10, receiptNo: 'R-west-2' }),
    );
    expect(restocked.expected).toBe(72);
    expect(restocked.table).toBeLessThan(LAG_BOUND_MS);
    expect(restocked.cache).toBeLessThan(LAG_BOUND_MS);

    // a cached read between changes does not reload
    const l1Loads = loads;
    expect((await cache.get(SKU, load))?.available).toBe(72);
    expect(loads).toBe(l1Loads);

    await annotate(lagReport());
  });

  it('a burst of updates arrives in order per row: the final numbers equal the inventory', async ({
    annotate,
  }) => {
    const from = seen.length;
    const writes: Array<Promise<unknown>> = [];
    for (let i = 0; i < 12; i++) {
      writes.push(stock.deduct({ orderNo: `SO-burst-${i}`, lines: [{ sku: SKU, quantity: 1 }] }));
    }
    writes.push(stock.restock({ sku: SKU, warehouse: 'east', quantity: 7, receiptNo: 'R-b-1' }));
    writes.push(stock.restock({ sku: SKU, warehouse: 'west', quantity: 5, receiptNo: 'R-b-2' }));
    await Promise.all(writes);
    for (let i = 0; i < 6; i++) await stock.confirm(`SO-burst-${i}`);
    await stock.release('SO-burst-6');

    const result = await writeAndMeasure('burst (last write: release)', () =>
      stock.release('SO-burst-7'),
    );
    expect(result.expected).toBe(72 - 12 + 12 + 2);
    expect(result.table).toBeLessThan(LAG_BOUND_MS);
    expect(result.cache).toBeLessThan(LAG_BOUND_MS);
    await waitFor('every row caught up', LAG_BOUND_MS, async () => {
      const both = await rowsOfBoth();
      return JSON.stringify(both.product) === JSON.stringify(both.inventory);
    });

    // per stock_level row, the versions arrived strictly increasing, without gaps
    const byRow = new Map<string, number[]>();
    for (const { change } of seen.slice(from)) {
      const versions = byRow.get(change.key) ?? [];
      versions.push(num(change.after, 'version'));
      byRow.set(change.key, versions);
    }
    expect(seen.length - from).toBeGreaterThanOrEqual(12 + 2 + 6 + 2);
    for (const versions of byRow.values()) {
      versions.forEach((v, i) => {
        if (i > 0) expect(v).toBe((versions[i - 1] as number) + 1);
      });
    }

    await annotate(lagReport());
  });

  it('a redelivered or replayed old change does not regress the product table', async ({
    annotate,
  }) => {
    // 1. a crash after the effect and before the ack: the transport redelivers the change
    crashAfterEffect = true;
    const from = seen.length;
    const result = await writeAndMeasure('deduct 2, crash before ack', () =>
      stock.deduct({ orderNo: 'SO-crash', lines: [{ sku: SKU, quantity: 2 }] }),
    );
    await waitFor('the redelivery', LAG_BOUND_MS, () =>
      seen.slice(from).some(({ deliveries }) => deliveries > 1),
    );
    const redelivered = seen.slice(from).find(({ deliveries }) => deliveries > 1);
    expect(
      seen.slice(from).filter(({ change }) => change.id === redelivered?.change.id),
    ).toHaveLength(2);
    expect((await productStock(SKU))?.available).toBe(result.expected);

    // 2. an old change replayed after newer ones (e.g. claimed late from a dead member)
    const oldest = seen.find(({ change }) => change.after !== undefined)?.change as ChangeEvent;
    const state = await rowsOfBoth();
    expect(state.product).toEqual(state.inventory);
    const handled = seen.length;
    await transport.publish(TOPIC, [
      { key: oldest.key, id: oldest.id, body: JSON.stringify(oldest) },
    ]);
    await waitFor('the replayed change handled', LAG_BOUND_MS, () =>
      seen.slice(handled).some(({ change }) => change.id === oldest.id),
    );
    expect(await rowsOfBoth()).toEqual(state);
    expect((await productStock(SKU))?.available).toBe(await sellable(SKU));
    expect((await cache.get(SKU, load))?.available).toBe(await sellable(SKU));
    expect(consumer.stats().failed).toBe(1);

    await annotate(lagReport());
  });
});
