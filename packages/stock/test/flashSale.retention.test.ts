import { harness } from '@mallkit/internal-harness/vitest';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StockService } from '../src/index.js';
import {
  type FlashSaleWriter,
  RedisFlashSale,
  type RedisFlashSaleOptions,
} from '../src/redis/index.js';
import {
  activityKeys,
  codeOf,
  drained,
  expectRetained,
  type FlashStore,
  next,
  openFlashStore,
  seedActivity,
  soldInDatabase,
  ttls,
  uniquePrefix,
} from './fixtures/flashSaleFixtures.js';

const RETAIN_MS = 600_000;

describe('RedisFlashSale retention of finished activities', () => {
  let store: FlashStore;
  let service: StockService;
  let redis: Redis;
  const writers: FlashSaleWriter[] = [];
  const prefix = uniquePrefix('flash-retention');
  const line = (activityId: string, sku: string) => ({ sku, quantity: 1, activityId });
  const keysOf = (activityId: string) => activityKeys(redis, prefix, activityId);
  const saleWith = (options: Partial<RedisFlashSaleOptions> = {}) =>
    new RedisFlashSale({ redis, service, prefix, retainMs: RETAIN_MS, ...options });
  const started = (sale: RedisFlashSale, activityId: string, claimIdleMs = 30_000) => {
    const writer = sale.writer(activityId, { blockMs: 50, claimIdleMs });
    writers.push(writer);
    writer.start();
    return writer;
  };

  beforeAll(async () => {
    store = await openFlashStore();
    service = new StockService({ db: store.db, catalogTtlMs: 0 });
    redis = new Redis(harness().redis.url);
  });
  afterAll(async () => {
    await Promise.all(writers.map((w) => w.stop()));
    redis?.disconnect();
    await store?.close();
  });

  it('retainMs defaults to recordTtlMs; a second close or a reconcile never extends it', async () => {
    expect(await codeOf((async () => saleWith({ retainMs: 0 }))())).toBe('INVALID_OPTION');
    const sale = new RedisFlashSale({ redis, service, prefix, recordTtlMs: 3_600_000 });
    await seedActivity(service, 'A-def', [{ sku: 'def', units: 3 }]);
    await sale.open('A-def');
    expect(ttls(await keysOf('A-def'))).toEqual({ meta: -1, stock: -1, stream: -1 });
    expect(await sale.close('A-def')).toBe(3);
    const lives = await keysOf('A-def');
    expect([...lives.keys()]).toEqual(['meta', 'stock', 'stream']);
    expectRetained(lives, 3_600_000);
    const deadline = lives.get('meta')?.expiresAt;

    expect((await sale.reconcile('A-def')).lines).toMatchObject([{ available: 0, after: 0 }]);
    expect(await sale.close('A-def')).toBe(0);
    const later = await keysOf('A-def');
    expect([...later.values()].map((l) => l.expiresAt)).toEqual([deadline, deadline, deadline]);
  });

  it('keeps a closed activity with orders in flight; the writer that takes them over and settles the last starts the retention', async () => {
    const sale = saleWith({ drainTimeoutMs: 0 });
    await seedActivity(service, 'A-late', [{ sku: 'late', units: 5 }]);
    await sale.open('A-late');
    await sale.buy({ orderNo: 'LT-1', lines: [line('A-late', 'late')] });
    await sale.buy({ orderNo: 'LT-2', lines: [line('A-late', 'late')] });
    // A writer that read both entries and died before writing them: they stay pending.
    const stream = `{${prefix}:A-late}:stream`;
    await redis.xreadgroup('GROUP', 'stock-writers', 'died', 'COUNT', 10, 'STREAMS', stream, '>');

    expect(await codeOf(sale.close('A-late'))).toBe('STORE_UNAVAILABLE'); // not drained
    expect(ttls(await keysOf('A-late'))).toEqual({ meta: -1, stock: -1, stream: -1 });
    expect(await codeOf(sale.purge('A-late'))).toBe('INVALID_TRANSITION');
    expect(await sale.pending('A-late')).toBe(2);

    started(sale, 'A-late', 50); // takes the dead writer's entries over after 50 ms
    await drained(sale, 'A-late');
    expect(await soldInDatabase(service, 'A-late')).toBe(2);
    const lives = await keysOf('A-late');
    expect([...lives.keys()]).toEqual(['meta', 'stock', 'stream']);
    expectRetained(lives, RETAIN_MS);
    expect(await sale.close('A-late')).toBe(3); // the database part, done now
    expect((await keysOf('A-late')).get('meta')?.expiresAt).toBe(lives.get('meta')?.expiresAt);
  });

  it('an activity ended in the database: reconcile closes it in Redis, and its keys expire once the last order is settled', async () => {
    const sale = saleWith();
    await seedActivity(service, 'A-end', [{ sku: 'end', units: 5 }]);
    await sale.open('A-end');
    await sale.buy({ orderNo: 'EN-1', lines: [line('A-end', 'end')] }); // in flight
    expect(await service.endActivity('A-end')).toBe(5);

    expect((await sale.reconcile('A-end')).lines).toMatchObject([
      { available: 0, inFlight: 1, before: 4, after: 0 },
    ]);
    const rejected = next(sale, 'rejected', (e) => e.orderNo === 'EN-2');
    expect(await codeOf(sale.buy({ orderNo: 'EN-2', lines: [line('A-end', 'end')] }))).toBe(
      'INSUFFICIENT_STOCK',
    );
    expect((await rejected).reason).toBe('closed');
    expect(ttls(await keysOf('A-end'))).toEqual({ meta: -1, stock: -1, stream: -1 });

    const refused = next(sale, 'overAdmitted', (e) => e.orderNo === 'EN-1');
    started(sale, 'A-end');
    await refused; // the database refuses what an ended activity admitted
    await drained(sale, 'A-end');
    expectRetained(await keysOf('A-end'), RETAIN_MS);
  });

  it('purge refuses, deleting nothing, while anything could be lost; dead letters keep the keys and go only when told', async () => {
    const sale = saleWith({ drainTimeoutMs: 0 });
    await seedActivity(service, 'A-guard', [{ sku: 'guard', units: 5 }]);
    await service.restock({ sku: 'guard', warehouse: 'wh-a', quantity: 1, receiptNo: 'R-g' });
    // The database knows G-DEAD already, as another order: the sale's G-DEAD is dead-lettered.
    await service.deduct({ orderNo: 'G-DEAD', lines: [{ sku: 'guard', quantity: 1 }] });
    await sale.open('A-guard');
    expect(await codeOf(sale.purge('A-guard'))).toBe('INVALID_TRANSITION'); // open
    await sale.buy({ orderNo: 'G-1', lines: [line('A-guard', 'guard')] });
    await sale.buy({ orderNo: 'G-DEAD', lines: [line('A-guard', 'guard')] });
    expect(await codeOf(sale.close('A-guard'))).toBe('STORE_UNAVAILABLE');
    expect(await codeOf(sale.purge('A-guard'))).toBe('INVALID_TRANSITION'); // 2 in flight
    const reconciling = `{${prefix}:A-guard}:reconciling`;
    await redis.set(reconciling, 'another-reconcile', 'PX', 60_000);
    expect(await codeOf(sale.purge('A-guard'))).toBe('CONCURRENCY_CONFLICT');
    await redis.del(reconciling);
    expect(await sale.pending('A-guard')).toBe(2);

    const dead = next(sale, 'deadLettered', (e) => e.orderNo === 'G-DEAD');
    started(sale, 'A-guard');
    await dead;
    await drained(sale, 'A-guard');
    const lives = await keysOf('A-guard');
    expect([...lives.keys()]).toEqual(['dead', 'meta', 'stock', 'stream']);
    // A dead letter is an admitted order the database refused: nothing expires while one waits.
    expect(ttls(lives)).toEqual({ dead: -1, meta: -1, stock: -1, stream: -1 });
    expect(await codeOf(sale.purge('A-guard'))).toBe('INVALID_TRANSITION'); // 1 dead letter
    expect(await redis.xlen(`{${prefix}:A-guard}:dead`)).toBe(1);
    expect(await sale.purge('A-guard', { dropDeadLetters: true })).toBe(4);
    expect((await keysOf('A-guard')).size).toBe(0);
    expect(await sale.purge('A-guard')).toBe(0); // nothing left: a no-op
    expect(await sale.close('A-guard')).toBe(4); // G-1 was sold
  });

  it('a purged id is not recreated by reconcile, and opens afresh; its running writer waits quietly, then writes', async () => {
    const sale = saleWith();
    await seedActivity(service, 'A-again', [{ sku: 'again', units: 2 }]);
    await sale.open('A-again');
    const failures: unknown[] = [];
    const off = sale.events.on('writeFailed', (e) => failures.push(e.error));
    const writer = started(sale, 'A-again');
    await sale.buy({ orderNo: 'AG-1', lines: [line('A-again', 'again')] });
    expect(await sale.close('A-again')).toBe(1);
    expect(await sale.purge('A-again')).toBe(3);
    expect(await sale.remaining('A-again')).toEqual([]);
    expect((await sale.reconcile('A-again')).lines).toMatchObject([
      { available: 0, before: 0, after: 0 },
    ]);
    expect((await keysOf('A-again')).size).toBe(0);

    // The same id, new rows: sold afresh, with keys that never expire while open.
    await seedActivity(service, 'A-again', [{ sku: 'again-2', units: 3 }]);
    expect(await sale.open('A-again')).toEqual([
      { sku: 'again-2', warehouse: 'wh-a', remaining: 3 },
    ]);
    const written = next(sale, 'written', (e) => e.orderNo === 'AG-2');
    await sale.buy({ orderNo: 'AG-2', lines: [line('A-again', 'again-2')] });
    await written;
    expect(writer.running).toBe(true);
    off();
    expect(failures).toEqual([]);
    expect(ttls(await keysOf('A-again'))).toEqual({ meta: -1, stock: -1, stream: -1 });
    expect(await sale.close('A-again')).toBe(2);
  });
});
