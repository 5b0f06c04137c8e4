import { setTimeout as delay } from 'node:timers/promises';
import { RedisCluster } from '@mallkit/internal-harness';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSlot } from '../src/flashsale/hashSlot.js';
import { isStockError, StockService } from '../src/index.js';
import { type FlashSaleWriter, RedisFlashSale } from '../src/redis/index.js';
import {
  drained,
  type FlashStore,
  openFlashStore,
  seedActivity,
  soldInDatabase,
  uniquePrefix,
  unitsByOrder,
} from './fixtures/flashSaleFixtures.js';
import { expectConsistent } from './suite/invariants.js';

const UNITS = 1000;
const ORDERS = 1500;

// A private Cluster (3 masters, 1 replica each): this test kills the activity's master.
describe('RedisFlashSale across a failover of the activity master', () => {
  let c: RedisCluster;
  let redis: Cluster;
  let store: FlashStore;
  let service: StockService;
  let sale: RedisFlashSale;
  let writer: FlashSaleWriter;
  const prefix = uniquePrefix('flash-failover');
  const activityId = 'A-fo';

  beforeAll(async () => {
    c = await RedisCluster.start({ name: 'flash-failover' });
    redis = new Cluster(c.seeds);
    redis.on('error', () => {});
    store = await openFlashStore();
    service = new StockService({ db: store.db, catalogTtlMs: 0 });
    await seedActivity(service, activityId, [{ sku: 'fo', units: UNITS }]);
    sale = new RedisFlashSale({ redis, service, prefix, waitTimeoutMs: 250 });
    await sale.open(activityId);
    writer = sale.writer(activityId, { blockMs: 100, claimIdleMs: 1000, retryDelayMs: 100 });
    writer.start();
  });
  afterAll(async () => {
    await writer?.stop();
    redis?.disconnect();
    await c?.stop();
    await store?.close();
  });

  it('never oversells, and every buy answered `admitted` is in the database', async () => {
    const acknowledged = new Set<string>();
    const overAdmitted: string[] = [];
    let unconfirmed = 0;
    let unavailable = 0;
    sale.events.on('overAdmitted', (e) => overAdmitted.push(e.orderNo));
    /** A buyer: asks again (same order number) until the answer is final. */
    const buyOne = async (orderNo: string): Promise<void> => {
      const deadline = Date.now() + 45_000;
      while (Date.now() < deadline) {
        try {
          const answer = await sale.buy({ orderNo, lines: [{ sku: 'fo', quantity: 1 }] });
          if (answer.status === 'admitted') {
            acknowledged.add(orderNo);
            return;
          }
          unconfirmed++;
        } catch (error) {
          if (!isStockError(error)) throw error;
          if (error.code === 'INSUFFICIENT_STOCK') return;
          if (error.code !== 'STORE_UNAVAILABLE') throw error;
          unavailable++;
        }
        await delay(50); // the buyer's back-off before asking again
      }
    };
    const third = new Promise<void>((resolve) => {
      const off = sale.events.on('admitted', () => {
        if (acknowledged.size < UNITS / 3) return;
        off();
        resolve();
      });
    });
    let next = 0;
    const buyers = Promise.all(
      Array.from({ length: 12 }, async () => {
        while (next < ORDERS) {
          await buyOne(`FO-${next++}`);
          await delay(15); // arrival rate of buyers: the sale lasts a few seconds
        }
      }),
    );

    await third;
    const victim = await c.masterOf(hashSlot(`{${prefix}:${activityId}}`));
    await c.failover(victim); // SIGKILL; resolves once its replica took over
    await c.restart(victim); // back as the new master's replica: WAIT can succeed again
    await buyers;
    expect(unavailable + unconfirmed).toBeGreaterThan(0);

    await drained(sale, activityId);
    expect(await soldInDatabase(service, activityId)).toBeLessThanOrEqual(UNITS);
    await sale.reconcile(activityId);
    // Whatever the failover left unsold is sold now: in the end exactly the allocation.
    for (let i = 0; ((await sale.remaining(activityId))[0]?.remaining ?? 0) > 0; i++) {
      await buyOne(`FO-end-${i}`);
    }
    await drained(sale, activityId);

    const units = await unitsByOrder(store, activityId);
    for (const orderNo of acknowledged) expect(units.get(orderNo), orderNo).toBe(1);
    expect(overAdmitted).toEqual([]);
    expect(await soldInDatabase(service, activityId)).toBe(UNITS);
    expect(units.size).toBe(UNITS);
    expect((await service.query(['fo']))[0]).toMatchObject({ reserved: UNITS, physical: UNITS });
    expect((await sale.reconcile(activityId)).lines).toMatchObject([{ before: 0, after: 0 }]);
    await expectConsistent(store);
  });
});
