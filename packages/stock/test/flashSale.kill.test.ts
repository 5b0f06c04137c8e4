import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { harness } from '@mallkit/internal-harness/vitest';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StockService } from '../src/index.js';
import { type FlashSaleWriter, RedisFlashSale } from '../src/redis/index.js';
import type { ChildConfig, ChildMessage } from './fixtures/flashSaleChild.js';
import {
  drained,
  type FlashStore,
  openFlashStore,
  seedActivity,
  soldInDatabase,
  tsxCwd,
  uniquePrefix,
  unitsByOrder,
} from './fixtures/flashSaleFixtures.js';
import { expectConsistent } from './suite/invariants.js';

describe('a shop process killed with SIGKILL between admitting, writing and settling', () => {
  let store: FlashStore;
  let service: StockService;
  let redis: Redis;
  let child: ChildProcess | undefined;
  let writer: FlashSaleWriter | undefined;
  const prefix = uniquePrefix('flash-kill');
  const activityId = 'A-kill';
  const tag = `{${prefix}:${activityId}}`;

  beforeAll(async () => {
    store = await openFlashStore();
    service = new StockService({ db: store.db, catalogTtlMs: 0 });
    redis = new Redis(harness().redis.url);
    await seedActivity(service, activityId, [{ sku: 'kill', units: 1500 }]);
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await writer?.stop();
    redis?.disconnect();
    await store?.close();
  });

  it('a new writer takes over its pending entries; every admitted order is in the database once', async () => {
    const config: ChildConfig = {
      redisUrl: harness().redis.url,
      dbUrl: store.url,
      prefix,
      activityId,
      sku: 'kill',
      before: 150,
      orders: 1500,
    };
    const fixture = fileURLToPath(new URL('./fixtures/flashSaleChild.ts', import.meta.url));
    const shop = spawn(process.execPath, ['--import', 'tsx', fixture, JSON.stringify(config)], {
      cwd: tsxCwd(),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = shop;
    const reported = new Set<string>();
    let deducted = 0;
    const exited = once(shop, 'exit');
    shop.on('message', (message: ChildMessage) => {
      if (message.type === 'admitted') reported.add(message.orderNo);
      if (message.type === 'deducted' && ++deducted === 20) shop.kill('SIGKILL');
    });
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');
    expect(deducted).toBeGreaterThanOrEqual(20);

    // The state it died in: entries delivered to its writer and never settled, some of
    // them written to the database already.
    const stream = `${tag}:stream`;
    const pending = (await redis.xpending(stream, 'stock-writers', '-', '+', 1000)) as Array<
      [string, string, number, number]
    >;
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every(([, consumer]) => consumer === 'doomed')).toBe(true);
    const pendingOrders: string[] = [];
    for (const [id] of pending) {
      const [entry] = (await redis.xrange(stream, id, id)) as Array<[string, string[]]>;
      pendingOrders.push(entry?.[1][1] as string);
    }
    const writtenNotSettled = (
      await Promise.all(pendingOrders.map((o) => service.getOrder(o)))
    ).filter(Boolean).length;
    expect(writtenNotSettled).toBeGreaterThan(0);

    // A new process's writer: takes the dead consumer's entries over once idle, reads
    // the ones nobody read, and writes each order once.
    const sale = new RedisFlashSale({ redis, service, prefix });
    const before = await sale.remaining(activityId);
    expect(await sale.open(activityId)).toEqual(before);
    let replayed = 0;
    sale.events.on('written', (e) => {
      if (e.replayed) replayed++;
    });
    writer = sale.writer(activityId, { claimIdleMs: 300, blockMs: 100 });
    writer.start();
    await drained(sale, activityId);

    const records = new Map<string, string>();
    for await (const keys of redis.scanStream({ match: `${tag}:o:*`, count: 500 })) {
      for (const key of keys as string[]) {
        records.set(key.slice(`${tag}:o:`.length), (await redis.hget(key, 'status')) as string);
      }
    }
    const admitted = [...records.keys()].sort();
    expect([...records.values()].every((status) => status === 'written')).toBe(true);
    for (const orderNo of reported) expect(records.has(orderNo)).toBe(true);
    const units = await unitsByOrder(store, activityId);
    expect([...units.keys()].sort()).toEqual(admitted);
    expect([...units.values()].every((n) => n === 1)).toBe(true);
    const [left] = await sale.remaining(activityId);
    expect(await soldInDatabase(service, activityId)).toBe(admitted.length);
    expect(admitted.length + (left?.remaining ?? 0)).toBe(1500);
    expect(replayed).toBeGreaterThanOrEqual(writtenNotSettled);
    expect((await sale.reconcile(activityId)).changed).toBe(false);
    await expectConsistent(store);
  });
});
