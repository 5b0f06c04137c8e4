import { TestDatabase } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { migrateStock, StockService } from '@mallkit/stock';
import { Redis } from 'ioredis';
import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HttpWarehouseSystem,
  isSyncError,
  MemoryCheckpointStore,
  SyncScheduler,
  type SyncSchedulerEvents,
  WarehouseSync,
} from '../src/index.js';
import { RedisLeaseProvider } from '../src/redis/index.js';
import { WmsSimulator } from './fixtures/wmsSimulator.js';

describe('WarehouseSync against a real inventory (MariaDB) and an HTTP warehouse system', () => {
  let database: TestDatabase;
  let db: Kysely<never>;
  let stock: StockService;
  let wms: WmsSimulator;
  const physical = async (sku: string) => (await stock.query([sku]))[0]?.physical;

  beforeAll(async () => {
    database = await TestDatabase.create(harness().mysql.serverUrl, 'mallkit_sync_wms');
    db = new Kysely<never>({
      dialect: new MysqlDialect({ pool: createPool({ uri: database.url, connectionLimit: 4 }) }),
    });
    await migrateStock(db);
    stock = new StockService({ db, catalogTtlMs: 0 });
    await stock.defineWarehouse({ code: 'w1' });
    await stock.defineWarehouse({ code: 'w2' });
    for (const sku of ['a', 'b', 'c']) await stock.defineSku({ sku });
    await stock.restock({ sku: 'a', warehouse: 'w1', quantity: 10, receiptNo: 'ra' });
    await stock.restock({ sku: 'b', warehouse: 'w1', quantity: 4, receiptNo: 'rb' });
    wms = await new WmsSimulator().start();
  });
  afterAll(async () => {
    await wms.stop();
    await db.destroy();
    await database.drop();
  });

  it('a full sync applies the differences and reports what it changed and rejected', async () => {
    wms.set({ sku: 'a', warehouse: 'w1', physical: 12 });
    wms.set({ sku: 'b', warehouse: 'w1', physical: 4 });
    wms.set({ sku: 'c', warehouse: 'w2', physical: 7 });
    wms.set({ sku: 'ghost', warehouse: 'w1', physical: 3 });
    wms.set({ sku: 'b', warehouse: 'w2', physical: -5 });
    const sync = new WarehouseSync({
      system: new HttpWarehouseSystem({ baseUrl: wms.url, pageSize: 2 }),
      inventory: stock,
    });
    const report = await sync.fullSync();
    expect(report.changed).toEqual([
      { sku: 'a', warehouse: 'w1', from: 10, to: 12 },
      { sku: 'c', warehouse: 'w2', from: 0, to: 7 },
    ]);
    expect(report.unchanged).toBe(1);
    expect(report.rejected.map((r) => [r.sku, r.retryable])).toEqual([
      ['b', false],
      ['ghost', false],
    ]);
    expect(await physical('a')).toBe(12);
    expect(await physical('c')).toBe(7);
    expect(await physical('b')).toBe(4);
  });

  it('never undoes a confirmation made while the sync runs: the count is refused as retryable', async () => {
    wms.set({ sku: 'a', warehouse: 'w1', physical: 20 });
    const sync = new WarehouseSync({
      system: new HttpWarehouseSystem({ baseUrl: wms.url }),
      inventory: stock,
    });
    wms.beforeQuery = async () => {
      wms.beforeQuery = undefined;
      await stock.deduct({ orderNo: 'paid-during-sync', lines: [{ sku: 'a', quantity: 2 }] });
      await stock.confirm('paid-during-sync');
    };
    const report = await sync.syncSkus(['a']);
    expect(report.changed).toEqual([]);
    expect(report.rejected).toMatchObject([
      { sku: 'a', warehouse: 'w1', physical: 20, retryable: true },
    ]);
    expect(await physical('a')).toBe(10);
    wms.set({ sku: 'a', warehouse: 'w1', physical: 18 });
    const again = await sync.syncSkus(['a']);
    expect(again.changed).toEqual([{ sku: 'a', warehouse: 'w1', from: 10, to: 18 }]);
  });

  it('a full sync under concurrent deductions and confirmations never undoes one: the books stay right', async () => {
    const skus = Array.from({ length: 10 }, (_, i) => `busy-${i}`);
    for (const sku of skus) {
      await stock.defineSku({ sku });
      await stock.restock({ sku, warehouse: 'w1', quantity: 100, receiptNo: `r-${sku}` });
      wms.set({ sku, warehouse: 'w1', physical: 150 });
    }
    let confirmed = 0;
    let running = true;
    let seq = 0;
    let enough!: () => void;
    const thirty = new Promise<void>((resolve) => {
      enough = resolve;
    });
    const buyers = Array.from({ length: 6 }, async () => {
      while (running) {
        const n = seq++;
        const orderNo = `busy-o-${n}`;
        await stock.deduct({
          orderNo,
          lines: [{ sku: skus[n % skus.length] as string, quantity: 1 }],
        });
        await stock.confirm(orderNo);
        if (++confirmed === 30) enough();
      }
    });
    // The sync has read the inventory; the warehouse answers only after 30 more confirmations.
    wms.beforeQuery = async () => {
      wms.beforeQuery = undefined;
      await thirty;
    };
    const sync = new WarehouseSync({
      system: new HttpWarehouseSystem({ baseUrl: wms.url }),
      inventory: stock,
    });
    const first = await sync.syncSkus(skus);
    running = false;
    await Promise.all(buyers);
    expect(first.changed).toEqual([]);
    expect(first.rejected.map((r) => [r.sku, r.retryable])).toEqual(skus.map((sku) => [sku, true]));
    const second = await sync.syncSkus(skus);
    expect(second.rejected).toEqual([]);
    const views = await stock.query(skus);
    for (const view of views) {
      const change = second.changed.find((c) => c.sku === view.sku);
      // Each count replaced exactly the value the sync read: every confirmation is accounted for.
      const confirmedHere = await db
        .selectFrom('stock_ledger' as never)
        .select(({ fn }) => fn.sum<number>('d_physical' as never).as('units'))
        .where('sku' as never, '=', view.sku as never)
        .where('reason' as never, '=', 'confirm' as never)
        .executeTakeFirstOrThrow();
      expect(change?.from, view.sku).toBe(100 + Number(confirmedHere.units));
      expect(view.physical).toBe(150);
    }
    expect(confirmed).toBeGreaterThanOrEqual(30);
  });

  it('syncs changes since a cursor, advancing it only when nothing is left to retry', async () => {
    const checkpoints = new MemoryCheckpointStore();
    const sync = new WarehouseSync({
      system: new HttpWarehouseSystem({ baseUrl: wms.url }),
      inventory: stock,
      checkpoints,
    });
    await sync.syncChanges();
    const cursor = await checkpoints.load('warehouse');
    expect(cursor).toBe(String(wms.changes.length));
    wms.set({ sku: 'c', warehouse: 'w2', physical: 9 });
    const report = await sync.syncChanges();
    expect(report.changed).toEqual([{ sku: 'c', warehouse: 'w2', from: 7, to: 9 }]);
    expect(await checkpoints.load('warehouse')).toBe(String(wms.changes.length));
  });

  it('an unreachable inventory keeps the cursor: the counts are applied once it is back', async () => {
    await stock.defineSku({ sku: 'd' });
    await stock.restock({ sku: 'd', warehouse: 'w1', quantity: 5, receiptNo: 'rd' });
    const checkpoints = new MemoryCheckpointStore();
    const system = new HttpWarehouseSystem({ baseUrl: wms.url });
    const live = new WarehouseSync({ system, inventory: stock, checkpoints });
    await live.syncChanges();
    const cursor = await checkpoints.load('warehouse');
    wms.set({ sku: 'd', warehouse: 'w1', physical: 8 });
    const downDb = new Kysely<never>({
      dialect: new MysqlDialect({
        pool: createPool({
          uri: 'mysql://root@127.0.0.1:1/none',
          connectionLimit: 1,
          connectTimeout: 500,
        }),
      }),
    });
    try {
      const down = new WarehouseSync({
        system,
        inventory: new StockService({ db: downDb }),
        checkpoints,
      });
      const report = await down.syncChanges();
      expect(report.changed).toEqual([]);
      expect(report.rejected).toEqual([expect.objectContaining({ sku: 'd', retryable: true })]);
      expect(await checkpoints.load('warehouse')).toBe(cursor);
    } finally {
      await downDb.destroy().catch(() => undefined); // mysql2 reports the refused connection again on end
    }
    const again = await live.syncChanges();
    expect(again.changed).toEqual([{ sku: 'd', warehouse: 'w1', from: 5, to: 8 }]);
    expect(await physical('d')).toBe(8);
  });

  it('an unreachable warehouse system fails the sync with SOURCE_UNAVAILABLE and changes nothing', async () => {
    const sync = new WarehouseSync({
      system: new HttpWarehouseSystem({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 500 }),
      inventory: stock,
    });
    const error = await sync.fullSync().catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe('SOURCE_UNAVAILABLE');
  });
});

describe('SyncScheduler with Redis leases', () => {
  const clients: Redis[] = [];
  afterAll(() => {
    for (const c of clients) c.disconnect();
  });
  const node = (name: string, job: () => Promise<void>, clock: () => number) => {
    const client = new Redis(harness().redis.url);
    clients.push(client);
    return new SyncScheduler({
      name,
      job,
      everyMs: 60_000,
      leases: new RedisLeaseProvider(client, `test:${process.pid}:`),
      now: clock,
    });
  };

  it('runs a job once per period across nodes, and again on another node when it fails', async () => {
    let clock = 1_000_000_000_000;
    const runs: string[] = [];
    let failFirst = true;
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    let fail!: () => void;
    const failing = new Promise<void>((resolve) => {
      fail = resolve;
    });
    const job = (who: string) => async () => {
      runs.push(who);
      if (failFirst) {
        failFirst = false;
        started();
        await failing; // holds the lease until b has tried
        throw new Error('warehouse system down');
      }
    };
    const name = `full-${Date.now()}`;
    const a = node(name, job('a'), () => clock);
    const b = node(name, job('b'), () => clock);
    const first = a.check();
    await firstStarted;
    await b.check(); // a holds the lease: b does not run
    fail();
    await first;
    expect(runs).toEqual(['a']);
    await Promise.all([a.check(), b.check()]);
    expect(runs).toHaveLength(2);
    await Promise.all([a.check(), b.check(), a.check()]);
    expect(runs).toHaveLength(2);
    clock += 60_000;
    await Promise.all([b.check(), a.check()]);
    expect(runs).toHaveLength(3);
  });

  it('backs off after failures in a row: the wait doubles up to maxRetryDelayMs, jittered, timed by its clock; a success ends it', async () => {
    let clock = 1_000_000_020_000;
    let runs = 0;
    let failing = true;
    const client = new Redis(harness().redis.url);
    clients.push(client);
    const scheduler = new SyncScheduler({
      name: `backoff-${Date.now()}`,
      everyMs: 3_600_000, // one period throughout the retries
      leases: new RedisLeaseProvider(client, `test:${process.pid}:b:`),
      now: () => clock,
      retryDelayMs: 1000,
      maxRetryDelayMs: 4000,
      job: async () => {
        runs++;
        if (failing) throw new Error('warehouse system down');
      },
    });
    const failures: SyncSchedulerEvents['failed'][] = [];
    scheduler.events.on('failed', (event) => failures.push(event));
    let finished = 0;
    scheduler.events.on('finished', () => finished++);

    for (const [attempt, ceiling] of [
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [4, 4000],
    ] as const) {
      await scheduler.check(); // the backoff is over: it runs, and fails
      expect(runs).toBe(attempt);
      const failure = failures.at(-1);
      expect(failure?.attempt).toBe(attempt);
      const wait = failure?.retryInMs ?? 0;
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
      expect(wait).toBeLessThanOrEqual(ceiling);
      clock += wait - 1;
      await scheduler.check(); // 1 ms short of the backoff: nothing runs
      expect(runs).toBe(attempt);
      clock += 1;
    }
    failing = false;
    await scheduler.check();
    expect([runs, finished]).toEqual([5, 1]);

    // a success ends the backoff: the next period's first failure waits retryDelayMs again
    clock += 3_600_000;
    failing = true;
    await scheduler.check();
    expect(failures.at(-1)?.attempt).toBe(1);
    expect(failures.at(-1)?.retryInMs).toBeLessThanOrEqual(1000);
    await scheduler.stop();
  });

  it('refuses a negative or fractional retryDelayMs / maxRetryDelayMs with INVALID_OPTION', () => {
    const job = async () => {};
    for (const bad of [{ retryDelayMs: -1 }, { maxRetryDelayMs: 0.5 }]) {
      let error: unknown;
      try {
        new SyncScheduler({ name: 'x', everyMs: 60_000, job, ...bad });
      } catch (e) {
        error = e;
      }
      expect(isSyncError(error) && error.code).toBe('INVALID_OPTION');
    }
  });

  it('a lease is held by one owner, renewed only by it', async () => {
    const client = new Redis(harness().redis.url);
    clients.push(client);
    const leases = new RedisLeaseProvider(client, `test:${process.pid}:l:`);
    const first = await leases.tryAcquire('x', 10_000);
    expect(first).not.toBeNull();
    expect(await leases.tryAcquire('x', 10_000)).toBeNull();
    await first?.release();
    const second = await leases.tryAcquire('x', 10_000);
    expect(await first?.renew(10_000)).toBe(false);
    expect(await second?.renew(10_000)).toBe(true);
    await second?.release();
  });
});
