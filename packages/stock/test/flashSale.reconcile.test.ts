import { waitFor } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStockError, StockService } from '../src/index.js';
import { type FlashSaleRepair, type FlashSaleWriter, RedisFlashSale } from '../src/redis/index.js';
import {
  codeOf,
  drained,
  type FlashStore,
  openFlashStore,
  seedActivity,
  soldInDatabase,
  uniquePrefix,
} from './fixtures/flashSaleFixtures.js';
import { expectConsistent } from './suite/invariants.js';

describe('RedisFlashSale reconcile', () => {
  let store: FlashStore;
  let service: StockService;
  let redis: Redis;
  let sale: RedisFlashSale;
  const writers: FlashSaleWriter[] = [];
  const prefix = uniquePrefix('flash-reconcile');
  const field = (sku: string) => JSON.stringify([sku, 'wh-a']);
  const line = (activityId: string, sku: string) => ({ sku, quantity: 1, activityId });
  const started = (activityId: string, concurrency = 4) => {
    const writer = sale.writer(activityId, { blockMs: 200, batchSize: 20, concurrency });
    writers.push(writer);
    writer.start();
    return writer;
  };
  /** Orders of the activity the database holds as reserved, with their units. */
  const reserved = async (activityId: string) =>
    Number(
      (
        await store.db
          .selectFrom('stock_deduction as d')
          .innerJoin('stock_order as o', 'o.order_no', 'd.order_no')
          .select((eb) => eb.fn.sum<number>('d.quantity').as('units'))
          .where('d.activity_id', '=', activityId)
          .where('o.status', '=', 'reserved')
          .executeTakeFirst()
      )?.units ?? 0,
    );

  beforeAll(async () => {
    store = await openFlashStore();
    service = new StockService({ db: store.db, catalogTtlMs: 0 });
    redis = new Redis(harness().redis.url);
    sale = new RedisFlashSale({ redis, service, prefix });
  });
  afterAll(async () => {
    await Promise.all(writers.map((w) => w.stop()));
    redis?.disconnect();
    await store?.close();
  });

  it('gives units released in the database back to Redis; exactly the allocation sells', async () => {
    await seedActivity(service, 'A-rel', [{ sku: 'rel', units: 100 }]);
    await sale.open('A-rel');
    started('A-rel');
    for (let i = 0; i < 100; i++) {
      await sale.buy({ orderNo: `REL-${i}`, lines: [line('A-rel', 'rel')] });
    }
    expect(await codeOf(sale.buy({ orderNo: 'REL-x', lines: [line('A-rel', 'rel')] }))).toBe(
      'INSUFFICIENT_STOCK',
    );
    await drained(sale, 'A-rel');
    for (let i = 0; i < 30; i++) await service.release(`REL-${i}`);
    expect(await soldInDatabase(service, 'A-rel')).toBe(70);
    expect(await codeOf(sale.buy({ orderNo: 'REL-y', lines: [line('A-rel', 'rel')] }))).toBe(
      'INSUFFICIENT_STOCK',
    );

    const repaired: FlashSaleRepair[][] = [];
    const off = sale.events.on('repaired', (e) => repaired.push(e.lines));
    const result = await sale.reconcile('A-rel');
    expect(result).toMatchObject({ changed: true, replicated: true });
    const expected = {
      sku: 'rel',
      warehouse: 'wh-a',
      available: 30,
      inFlight: 0,
      before: 0,
      after: 30,
    };
    expect(result.lines).toEqual([expected]);
    expect(repaired).toEqual([[expected]]);

    const again = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        codeOf(sale.buy({ orderNo: `REL2-${i}`, lines: [line('A-rel', 'rel')] })),
      ),
    );
    expect(again.filter((c) => c === 'ok')).toHaveLength(30);
    await drained(sale, 'A-rel');
    expect(await soldInDatabase(service, 'A-rel')).toBe(100);
    expect(await reserved('A-rel')).toBe(100);
    expect(await sale.reconcile('A-rel')).toMatchObject({ changed: false });
    off();
    expect(repaired).toHaveLength(1);
    await expectConsistent(store);
  });

  it('counts admissions not yet written as in flight, and takes back units the database lacks', async () => {
    await seedActivity(service, 'A-drift', [{ sku: 'drift', units: 50 }]);
    await sale.open('A-drift');
    // No writer yet: 10 admitted orders wait in the hand-off stream.
    for (let i = 0; i < 10; i++) {
      await sale.buy({ orderNo: `DR-${i}`, lines: [line('A-drift', 'drift')] });
    }
    let result = await sale.reconcile('A-drift');
    expect(result.lines).toEqual([
      { sku: 'drift', warehouse: 'wh-a', available: 50, inFlight: 10, before: 40, after: 40 },
    ]);
    expect(result.changed).toBe(false);

    // What a failover that lost admissions the database already had leaves behind: Redis
    // counts 5 units more than the database allows.
    await redis.hincrby(`{${prefix}:A-drift}:stock`, field('drift'), 5);
    result = await sale.reconcile('A-drift');
    expect(result.lines[0]).toMatchObject({ inFlight: 10, before: 45, after: 40 });
    started('A-drift');
    await drained(sale, 'A-drift');
    expect(await sale.reconcile('A-drift')).toMatchObject({
      changed: false,
      lines: [{ available: 40, inFlight: 0, before: 40, after: 40 }],
    });
  });

  it('the database is the final guard: what Redis over-admits is refused, never oversold', async () => {
    await seedActivity(service, 'A-over', [{ sku: 'over', units: 10 }]);
    await sale.open('A-over');
    await redis.hincrby(`{${prefix}:A-over}:stock`, field('over'), 3);
    const over: string[] = [];
    const off = sale.events.on('overAdmitted', (e) => over.push(e.orderNo));
    for (let i = 0; i < 13; i++) {
      await sale.buy({ orderNo: `OV-${i}`, lines: [line('A-over', 'over')] });
    }
    started('A-over', 1); // one at a time, in admission order: the last three are refused
    await drained(sale, 'A-over');
    // A writer reports after its settle script ran, so the stream can be empty a moment
    // before the last event: wait for the events themselves.
    await waitFor('the over-admissions to be reported', 10_000, () => over.length >= 3);
    off();
    expect(over.sort()).toEqual(['OV-10', 'OV-11', 'OV-12']);
    expect(await soldInDatabase(service, 'A-over')).toBe(10);
    const replay = await sale
      .buy({ orderNo: 'OV-11', lines: [line('A-over', 'over')] })
      .catch((e: unknown) => e);
    expect(isStockError(replay) && replay.code).toBe('INSUFFICIENT_STOCK');
    expect((await service.query(['over']))[0]).toMatchObject({ reserved: 10, physical: 10 });
    await expectConsistent(store);
  });

  it('stays safe while buyers and writers go on: never more than the database allows', async () => {
    await seedActivity(service, 'A-live', [{ sku: 'live', units: 300 }]);
    await sale.open('A-live');
    const writer = sale.writer('A-live', { blockMs: 100, batchSize: 10, concurrency: 1 });
    writers.push(writer);
    let over = 0;
    const off = sale.events.on('overAdmitted', () => over++);
    // 50 admitted before any writer runs: the first reconcile must count them in flight.
    for (let i = 0; i < 50; i++)
      await sale.buy({ orderNo: `LV-pre-${i}`, lines: [line('A-live', 'live')] });
    const first = await sale.reconcile('A-live');
    const inFlightSeen = first.lines[0]?.inFlight ?? 0;
    writer.start();
    let reconciles = 1;
    let secondDone!: () => void;
    const second = new Promise<void>((resolve) => {
      secondDone = resolve;
    });
    let next = 0;
    let buying = true;
    const buyers = Array.from({ length: 16 }, async () => {
      while (next < 350) {
        const n = next++;
        // Half-way, buyers wait for a reconcile that ran while they were buying.
        if (n === 175) await second;
        await codeOf(sale.buy({ orderNo: `LV-${n}`, lines: [line('A-live', 'live')] }));
      }
    });
    const all = Promise.all(buyers).finally(() => {
      buying = false;
    });
    while (buying) {
      await sale.reconcile('A-live');
      reconciles++;
      if (reconciles === 2) secondDone();
    }
    await all;
    await drained(sale, 'A-live');
    await sale.reconcile('A-live');
    // Units a reconcile counted twice (written while it ran) are back now: sell them.
    for (let i = 0; (await sale.remaining('A-live'))[0]?.remaining; i++) {
      await sale.buy({ orderNo: `LV-end-${i}`, lines: [line('A-live', 'live')] });
    }
    await drained(sale, 'A-live');
    off();
    expect(reconciles).toBeGreaterThan(1);
    expect(inFlightSeen).toBe(50);
    expect(over).toBe(0);
    expect(await soldInDatabase(service, 'A-live')).toBe(300);
    expect(await reserved('A-live')).toBe(300);
    await expectConsistent(store);
  });
});
