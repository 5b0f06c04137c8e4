import { once } from 'node:events';
import { harness } from '@mallkit/internal-harness/vitest';
import { Redis } from 'ioredis';
import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StockService } from '../src/index.js';
import { type FlashSaleWriter, RedisFlashSale } from '../src/redis/index.js';
import type { StockDatabase } from '../src/schema/StockDatabase.js';
import {
  codeOf,
  drained,
  type FlashStore,
  next,
  openFlashStore,
  seedActivity,
  soldInDatabase,
  uniquePrefix,
} from './fixtures/flashSaleFixtures.js';

describe('FlashSaleWriter', () => {
  let store: FlashStore;
  let service: StockService;
  let redis: Redis;
  let sale: RedisFlashSale;
  const writers: FlashSaleWriter[] = [];
  const prefix = uniquePrefix('flash-writer');
  const line = (activityId: string, sku: string) => ({ sku, quantity: 1, activityId });

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

  it('dead-letters at once an order the database refuses for good; reconcile frees its units', async () => {
    await seedActivity(service, 'A-dead', [{ sku: 'dead', units: 5 }]);
    await seedActivity(service, 'A-plain', [{ sku: 'plain', units: 1 }]);
    await service.restock({ sku: 'plain', warehouse: 'wh-a', quantity: 5, receiptNo: 'R-p' });
    // The database knows DL-1 already, as another order: writing it would be a conflict.
    await service.deduct({ orderNo: 'DL-1', lines: [{ sku: 'plain', quantity: 1 }] });
    await sale.open('A-dead');
    expect(await sale.buy({ orderNo: 'DL-1', lines: [line('A-dead', 'dead')] })).toMatchObject({
      status: 'admitted',
    });
    const dead = next(sale, 'deadLettered', (e) => e.orderNo === 'DL-1');
    const writer = sale.writer('A-dead', { blockMs: 100 });
    writers.push(writer);
    writer.start();
    expect(await dead).toMatchObject({
      activityId: 'A-dead',
      deliveries: 1,
      reason: expect.stringMatching(/^ORDER_CONFLICT/),
    });
    await drained(sale, 'A-dead');
    const letters = (await redis.xrange(`{${prefix}:A-dead}:dead`, '-', '+')) as Array<
      [string, string[]]
    >;
    expect(letters).toHaveLength(1);
    expect(letters[0]?.[1]).toEqual(
      expect.arrayContaining(['o', 'DL-1', 'deliveries', '1', 'reason']),
    );
    expect(await codeOf(sale.buy({ orderNo: 'DL-1', lines: [line('A-dead', 'dead')] }))).toBe(
      'STORE_UNAVAILABLE',
    );
    expect(await sale.remaining('A-dead')).toMatchObject([{ remaining: 4 }]);
    expect((await sale.reconcile('A-dead')).lines).toMatchObject([{ before: 4, after: 5 }]);
    expect(await soldInDatabase(service, 'A-dead')).toBe(0);
  });

  it('retries while the database is down, takes the entry over, then dead-letters it', async () => {
    await seedActivity(service, 'A-down', [{ sku: 'down', units: 5 }]);
    await sale.open('A-down');
    await sale.buy({ orderNo: 'DN-1', lines: [line('A-down', 'down')] });
    // A writer whose database does not exist: every write fails as with a database down.
    const url = new URL(store.url);
    url.pathname = '/mallkit_flash_no_such_database';
    const brokenDb = new Kysely<StockDatabase>({
      dialect: new MysqlDialect({ pool: createPool({ uri: url.toString(), connectionLimit: 2 }) }),
    });
    const broken = new RedisFlashSale({
      redis,
      service: new StockService({ db: brokenDb }),
      prefix,
    });
    const failed: unknown[] = [];
    const off = broken.events.on('writeFailed', (e) => {
      if (e.orderNo === 'DN-1') failed.push(e.error);
    });
    const dead = next(broken, 'deadLettered', (e) => e.orderNo === 'DN-1');
    const writer = broken.writer('A-down', {
      blockMs: 50,
      claimIdleMs: 100,
      maxDeliveries: 3,
      retryDelayMs: 10,
    });
    writer.start();
    try {
      const letter = await dead;
      expect(letter.deliveries).toBe(4);
      expect(letter.reason).toMatch(/^delivered 4 times without being written; last error: /);
      expect(failed).toHaveLength(3);
    } finally {
      off();
      await writer.stop();
      await brokenDb.destroy();
    }
    expect(await sale.pending('A-down')).toBe(0);
    expect(await service.getOrder('DN-1')).toBeUndefined();
  });

  it('stop finishes the batch in hand; a client given to the writer stays open', async () => {
    await seedActivity(service, 'A-stop', [{ sku: 'stop', units: 60 }]);
    await sale.open('A-stop');
    for (let i = 0; i < 60; i++) {
      await sale.buy({ orderNo: `ST-${i}`, lines: [line('A-stop', 'stop')] });
    }
    const own = new Redis(harness().redis.url);
    const first = next(sale, 'written', (e) => e.activityId === 'A-stop');
    const writer = sale.writer('A-stop', { redis: own, batchSize: 20, concurrency: 1 });
    writer.start();
    await first;
    await writer.stop();
    expect(writer.running).toBe(false);
    // Nothing the writer read is left pending: the batch it had was written and settled.
    const [count] = (await redis.xpending(`{${prefix}:A-stop}:stream`, 'stock-writers')) as [
      number,
    ];
    expect(count).toBe(0);
    const left = await sale.pending('A-stop');
    expect(left).toBeGreaterThan(0);
    expect(await soldInDatabase(service, 'A-stop')).toBe(60 - left);
    expect(await own.ping()).toBe('PONG');
    own.disconnect();
    await once(own, 'end');

    const rest = sale.writer('A-stop', { blockMs: 100 });
    writers.push(rest);
    rest.start();
    await drained(sale, 'A-stop');
    expect(await soldInDatabase(service, 'A-stop')).toBe(60);
  });

  it('stop closes a client the writer made and leaves no timer behind, even cut from a blocking read', async () => {
    await seedActivity(service, 'A-own', [{ sku: 'own', units: 5 }]);
    await sale.open('A-own');
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const writer = sale.writer('A-own', { blockMs: 60_000 });
    writer.start();
    await sale.buy({ orderNo: 'OWN-1', lines: [line('A-own', 'own')] });
    await drained(sale, 'A-own'); // written; the writer is back in its blocking read
    await writer.stop();
    expect(writer.running).toBe(false);
    // A second disconnect of the closed client used to arm ioredis's 2 s close timer,
    // holding the process open after stop() resolved.
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
