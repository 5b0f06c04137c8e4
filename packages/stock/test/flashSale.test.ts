import { harness } from '@mallkit/internal-harness/vitest';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyScript } from '../src/flashsale/buyScript.js';
import { hashSlot } from '../src/flashsale/hashSlot.js';
import { isStockError, StockService } from '../src/index.js';
import {
  type FlashSaleAdmission,
  type FlashSaleWriter,
  RedisFlashSale,
} from '../src/redis/index.js';
import {
  activityKeys,
  codeOf,
  drained,
  expectRetained,
  type FlashStore,
  openFlashStore,
  seedActivity,
  soldInDatabase,
  ttls,
  uniquePrefix,
  unitsByOrder,
} from './fixtures/flashSaleFixtures.js';
import { rawMonitor } from './fixtures/rawMonitor.js';
import { expectConsistent } from './suite/invariants.js';

type Outcome = FlashSaleAdmission | { code: string };

const settle = async (work: Promise<FlashSaleAdmission>): Promise<Outcome> => {
  try {
    return await work;
  } catch (error) {
    if (isStockError(error)) return { code: error.code };
    throw error;
  }
};
const admitted = (outcomes: Outcome[]) =>
  outcomes.filter((o): o is FlashSaleAdmission => 'status' in o && o.status === 'admitted');
const coded = (outcomes: Outcome[], code: string) =>
  outcomes.filter((o) => 'code' in o && o.code === code).length;

const clients = {
  standalone: () => new Redis(harness().redis.url),
  cluster: () => new Cluster(harness().cluster.seeds),
};

describe.each(['standalone', 'cluster'] as const)('RedisFlashSale on a %s Redis', (kind) => {
  let store: FlashStore;
  let service: StockService;
  let redis: Redis | Cluster;
  let sale: RedisFlashSale;
  const writers: FlashSaleWriter[] = [];
  const prefix = uniquePrefix(`flash-${kind}`);

  const opened = async (activityId: string) => {
    await sale.open(activityId);
    const writer = sale.writer(activityId, { blockMs: 200, claimIdleMs: 5000 });
    writers.push(writer);
    writer.start();
    return writer;
  };

  beforeAll(async () => {
    store = await openFlashStore();
    service = new StockService({ db: store.db, catalogTtlMs: 0 });
    redis = clients[kind]();
    // A loaded CI machine can delay a replica's ack: these tests are not about that deadline.
    sale = new RedisFlashSale({ redis, service, prefix, waitTimeoutMs: 10_000 });
  });
  afterAll(async () => {
    await Promise.all(writers.map((w) => w.stop()));
    redis?.disconnect();
    await store?.close();
  });

  it('2,000 concurrent buys against 500 units admit exactly 500; the writer writes each once', async () => {
    await seedActivity(service, 'A-flash', [{ sku: 'flash', units: 500 }]);
    await opened('A-flash');
    let written = 0;
    const off = sale.events.on('written', (e) => {
      if (e.activityId === 'A-flash') written++;
    });
    const outcomes = await Promise.all(
      Array.from({ length: 2000 }, (_, i) =>
        settle(sale.buy({ orderNo: `F-${i}`, lines: [{ sku: 'flash', quantity: 1 }] })),
      ),
    );
    const yes = admitted(outcomes);
    expect(yes).toHaveLength(500);
    expect(coded(outcomes, 'INSUFFICIENT_STOCK')).toBe(1500);
    expect(await sale.remaining('A-flash')).toEqual([
      { sku: 'flash', warehouse: 'wh-a', remaining: 0 },
    ]);
    if (kind === 'cluster') expect(yes.every((a) => a.replicas >= 1)).toBe(true);

    await drained(sale, 'A-flash');
    off();
    expect(written).toBe(500);
    expect(await soldInDatabase(service, 'A-flash')).toBe(500);
    expect((await service.query(['flash']))[0]).toMatchObject({ reserved: 500, physical: 500 });
    const units = await unitsByOrder(store, 'A-flash');
    expect([...units.keys()].sort()).toEqual(yes.map((a) => a.orderNo).sort());
    expect([...units.values()].every((n) => n === 1)).toBe(true);
    await expectConsistent(store);
  });

  it('every order sent 3 times concurrently is admitted once; other lines conflict', async () => {
    await seedActivity(service, 'A-dup', [{ sku: 'dup', units: 100 }]);
    await opened('A-dup');
    const orders = Array.from({ length: 150 }, (_, i) => ({
      orderNo: `D-${i}`,
      lines: [{ sku: 'dup', quantity: 1, activityId: 'A-dup' }],
    }));
    const outcomes = await Promise.all(
      orders.flatMap((o) => [settle(sale.buy(o)), settle(sale.buy(o)), settle(sale.buy(o))]),
    );
    const yes = admitted(outcomes);
    const fresh = yes.filter((a) => !a.replayed);
    expect(fresh).toHaveLength(100);
    expect(new Set(fresh.map((a) => a.orderNo)).size).toBe(100);
    expect(yes).toHaveLength(300);
    for (const a of fresh) {
      expect(yes.filter((b) => b.orderNo === a.orderNo && b.replayed)).toHaveLength(2);
    }
    expect(coded(outcomes, 'INSUFFICIENT_STOCK')).toBe(150);
    const someone = fresh[0]?.orderNo as string;
    expect(
      await codeOf(
        sale.buy({ orderNo: someone, lines: [{ sku: 'dup', quantity: 2, activityId: 'A-dup' }] }),
      ),
    ).toBe('ORDER_CONFLICT');

    await drained(sale, 'A-dup');
    expect(await soldInDatabase(service, 'A-dup')).toBe(100);
    expect((await unitsByOrder(store, 'A-dup')).size).toBe(100);
    // A retry after the order was written still replays.
    const again = await sale.buy({
      orderNo: someone,
      lines: [{ sku: 'dup', quantity: 1, activityId: 'A-dup' }],
    });
    expect(again).toMatchObject({ status: 'admitted', replayed: true });
  });

  it('a multi-line order with one line short admits nothing', async () => {
    await seedActivity(service, 'A-ml', [
      { sku: 'ml-a', units: 5 },
      { sku: 'ml-b', units: 1 },
    ]);
    await opened('A-ml');
    const before = await sale.remaining('A-ml');
    const short = {
      orderNo: 'ML-1',
      lines: [
        { sku: 'ml-a', quantity: 3, activityId: 'A-ml' },
        { sku: 'ml-b', quantity: 2, activityId: 'A-ml' },
      ],
    };
    expect(await codeOf(sale.buy(short))).toBe('INSUFFICIENT_STOCK');
    expect(await sale.remaining('A-ml')).toEqual(before);
    expect(await sale.pending('A-ml')).toBe(0);
    // Nothing was recorded either: the same number with lines that fit is admitted.
    const fits = await sale.buy({
      orderNo: 'ML-1',
      lines: [
        { sku: 'ml-a', quantity: 3, activityId: 'A-ml' },
        { sku: 'ml-b', quantity: 1, activityId: 'A-ml' },
      ],
    });
    expect(fits).toMatchObject({ status: 'admitted', replayed: false });
    expect(await sale.remaining('A-ml')).toEqual([
      { sku: 'ml-a', warehouse: 'wh-a', remaining: 2 },
      { sku: 'ml-b', warehouse: 'wh-a', remaining: 0 },
    ]);
    await drained(sale, 'A-ml');
    expect(await unitsByOrder(store, 'A-ml')).toEqual(new Map([['ML-1', 4]]));
  });

  it('refuses what is not in the activity with typed errors, writing nothing', async () => {
    await seedActivity(service, 'A-bad', [{ sku: 'bad', units: 3 }]);
    await service.defineSku({ sku: 'other' });
    await opened('A-bad');
    const rejected: string[] = [];
    const off = sale.events.on('rejected', (e) => rejected.push(`${e.reason}:${e.code}`));
    const buy = (lines: { sku: string; quantity: number; warehouse?: string }[]) =>
      codeOf(
        sale.buy({ orderNo: 'B-1', lines: lines.map((l) => ({ ...l, activityId: 'A-bad' })) }),
      );
    expect(await buy([{ sku: 'other', quantity: 1 }])).toBe('UNKNOWN_ACTIVITY');
    expect(await buy([{ sku: 'bad', quantity: 1, warehouse: 'wh-z' }])).toBe('UNKNOWN_ACTIVITY');
    expect(await buy([{ sku: 'bad', quantity: 0 }])).toBe('INVALID_ORDER');
    // Several activities are open on this instance: an order must name its activity.
    expect(await codeOf(sale.buy({ orderNo: 'B-1', lines: [{ sku: 'bad', quantity: 1 }] }))).toBe(
      'INVALID_REQUEST',
    );
    expect(await codeOf(sale.open('A-none'))).toBe('UNKNOWN_ACTIVITY');
    expect(await codeOf(sale.open('A{x}'))).toBe('INVALID_REQUEST');
    off();
    expect(rejected).toEqual([
      'invalid:UNKNOWN_ACTIVITY',
      'invalid:UNKNOWN_ACTIVITY',
      'invalid:INVALID_ORDER',
      'invalid:INVALID_REQUEST',
    ]);
    expect(await sale.remaining('A-bad')).toEqual([
      { sku: 'bad', warehouse: 'wh-a', remaining: 3 },
    ]);
    expect(await sale.pending('A-bad')).toBe(0);
    expect(await service.getOrder('B-1')).toBeUndefined();
  });

  it('open never resets an open activity; close stops admitting, drains, ends it', async () => {
    await seedActivity(service, 'A-close', [{ sku: 'close', units: 20 }]);
    await opened('A-close');
    const line = { sku: 'close', quantity: 1, activityId: 'A-close' };
    for (let i = 0; i < 5; i++) await sale.buy({ orderNo: `CL-${i}`, lines: [line] });
    const other = new RedisFlashSale({ redis, service, prefix });
    expect(await other.open('A-close')).toEqual([
      { sku: 'close', warehouse: 'wh-a', remaining: 15 },
    ]);
    expect(await sale.close('A-close')).toBe(15);
    expect(await codeOf(other.buy({ orderNo: 'CL-9', lines: [line] }))).toBe('INSUFFICIENT_STOCK');
    expect(await service.getActivity('A-close')).toMatchObject([{ sold: 5, status: 'ended' }]);
    expect(await codeOf(other.open('A-close'))).toBe('INVALID_REQUEST');
    expect((await service.query(['close']))[0]).toMatchObject({ reserved: 5, sellable: 15 });
  });

  it('close gives every key of the activity one deadline, retainMs away; purge deletes them and the id opens afresh', async () => {
    const retainMs = 600_000;
    const keeping = new RedisFlashSale({ redis, service, prefix, retainMs, waitTimeoutMs: 10_000 });
    await seedActivity(service, 'A-keep', [{ sku: 'keep', units: 5 }]);
    await keeping.open('A-keep');
    const writer = keeping.writer('A-keep', { blockMs: 200 });
    writers.push(writer);
    writer.start();
    const line = { sku: 'keep', quantity: 1, activityId: 'A-keep' };
    await keeping.buy({ orderNo: 'KP-1', lines: [line] });
    await keeping.buy({ orderNo: 'KP-2', lines: [line] });
    expect(ttls(await activityKeys(redis, prefix, 'A-keep'))).toEqual({
      meta: -1,
      stock: -1,
      stream: -1,
    });
    expect(await keeping.close('A-keep')).toBe(3);
    await writer.stop();
    const lives = await activityKeys(redis, prefix, 'A-keep');
    expect([...lives.keys()]).toEqual(['meta', 'stock', 'stream']);
    expectRetained(lives, retainMs);
    // The order records keep their own TTL (recordTtlMs, 7 days by default).
    expect(await redis.pttl(`{${prefix}:A-keep}:o:KP-1`)).toBeGreaterThan(retainMs);

    // New rows for the same id: refused while the closed activity's keys are kept…
    await seedActivity(service, 'A-keep', [{ sku: 'keep-2', units: 4 }]);
    expect(await codeOf(keeping.open('A-keep'))).toBe('INVALID_REQUEST');
    expect(await keeping.purge('A-keep')).toBe(3);
    expect((await activityKeys(redis, prefix, 'A-keep')).size).toBe(0);
    expect(await keeping.remaining('A-keep')).toEqual([]);
    // …and sold afresh once they are purged.
    expect(await keeping.open('A-keep')).toEqual([
      { sku: 'keep-2', warehouse: 'wh-a', remaining: 4 },
    ]);
    const again = await keeping.buy({
      orderNo: 'KP-3',
      lines: [{ sku: 'keep-2', quantity: 1, activityId: 'A-keep' }],
    });
    expect(again).toMatchObject({ status: 'admitted', replayed: false });
    expect(ttls(await activityKeys(redis, prefix, 'A-keep'))).toEqual({
      meta: -1,
      stock: -1,
      stream: -1,
    });
  });

  // Only a Cluster client routes: on a standalone client there is one connection anyway.
  if (kind === 'cluster')
    it('runs each script on the slot master, and its WAIT on the same connection', async () => {
      await seedActivity(service, 'A-wait', [{ sku: 'wait', units: 50 }]);
      await opened('A-wait');
      const cluster = redis as Cluster;
      const owner = cluster.slots[hashSlot(`{${prefix}:A-wait}`)]?.[0] as string;
      const [host, port] = owner.split(':');
      /** Commands of buy scripts and WAITs, in the order the master ran them. */
      const seen: Array<{ source: string; command: 'script' | 'wait'; args: string[] }> = [];
      const stopMonitor = await rawMonitor(host as string, Number(port), ({ args, source }) => {
        const command = args[0]?.toLowerCase();
        // Only this test's buys: other files run the same script on the shared cluster.
        const buying =
          (args[1] === buyScript.sha1 || args[1] === buyScript.source) &&
          args.some((a) => a.includes(`{${prefix}:A-wait}`));
        if ((command === 'evalsha' || command === 'eval') && buying)
          seen.push({ source, command: 'script', args });
        if (command === 'wait') seen.push({ source, command: 'wait', args });
      });
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          sale.buy({
            orderNo: `W-${i}`,
            lines: [{ sku: 'wait', quantity: 1, activityId: 'A-wait' }],
          }),
        ),
      );
      expect(outcomes.every((o) => o.status === 'admitted' && o.replicas >= 1)).toBe(true);
      const scripts = () => seen.filter((s) => s.command === 'script');
      // MONITOR reports a command after it ran, on its own connection: wait until it
      // reported every script and the WAIT that answered for the last one.
      await expect
        .poll(
          () => {
            const source = scripts()[0]?.source;
            const last = seen.filter((s) => s.source === source).at(-1);
            return scripts().length >= 40 && last?.command === 'wait';
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      stopMonitor();
      const source = scripts()[0]?.source;
      expect(new Set(scripts().map((s) => s.source))).toEqual(new Set([source]));
      const ours = seen.filter((s) => s.source === source && s.command === 'wait');
      expect(ours.length).toBeGreaterThan(0);
      expect(ours.every((w) => w.args[1] === '1')).toBe(true);
      // Group commit: one WAIT answers for every script sent before it.
      expect(ours.length).toBeLessThanOrEqual(40);
    });
});
