import { MariaDbServer, TestDatabase } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMall } from '../src/app/createMall.ts';
import type { Mall } from '../src/app/Mall.ts';
import { readConfig } from '../src/config/readConfig.ts';
import { eventually } from './routeSuite.ts';

// CDC_SOURCE=binlog on a private MariaDB with a ROW binlog: stock changes reach the
// product system from the binlog, whoever made them, read by one instance at a time.
describe('stock changes captured from the binlog', () => {
  let mariadb: MariaDbServer;
  let database: TestDatabase;
  const malls: Mall[] = [];
  const open = async (seed: boolean) => {
    const mall = await createMall(
      readConfig({
        PORT: '0',
        LOG_LEVEL: 'silent',
        FULL_SYNC_EVERY_MS: '0',
        REDIS_URL: harness().redis.url,
        REDIS_PREFIX: `mall-binlog-${process.pid}:`,
        MYSQL_URL: database.url,
        CDC_SOURCE: 'binlog',
        SEED_DEMO: seed ? '1' : '0',
      }),
    );
    malls.push(mall);
    return mall;
  };
  const available = async (mall: Mall, sku: string) =>
    (await mall.app.inject({ url: `/api/products/${sku}` })).json().available as number;
  const sellable = async (mall: Mall, sku: string) =>
    (await mall.app.inject({ url: `/api/stock/${sku}` })).json().sellable as number;

  beforeAll(async () => {
    mariadb = await MariaDbServer.start({ name: 'mall-binlog' });
    database = await TestDatabase.create(mariadb.url, 'mall_binlog');
  }, 120_000);

  afterAll(async () => {
    for (const mall of malls) await mall.close();
    await mariadb?.stop();
  });

  it('brings the server own deductions and a change made by hand to the product view', async () => {
    const mall = await open(true);
    await eventually(async () => expect(mall.binlog?.leading).toBe(true));
    // the first start snapshots stock_level: the seeded stock is in the view
    const before = await sellable(mall, 'toy-010');
    expect(before).toBeGreaterThan(0);
    await eventually(async () => expect(await available(mall, 'toy-010')).toBe(before));
    const order = await mall.app.inject({
      method: 'POST',
      url: '/api/orders',
      payload: { orderNo: 'BL-1', lines: [{ sku: 'toy-010', quantity: 3 }] },
      headers: { authorization: 'Bearer service-dev-token' },
    });
    expect(order.statusCode).toBe(200);
    await eventually(async () => expect(await available(mall, 'toy-010')).toBe(before - 3));
    // a DBA's fix straight in the inventory table: no server event, only the binlog sees it
    await sql`UPDATE stock_level SET physical = physical + 50, version = version + 1
              WHERE sku = 'toy-010' AND shard = 0 ORDER BY warehouse LIMIT 1`.execute(
      mall.stack.db,
    );
    await eventually(async () => expect(await available(mall, 'toy-010')).toBe(before - 3 + 50));
  });

  it('reads the binlog on one instance; another takes over when it stops', async () => {
    const [first] = malls as [Mall];
    const second = await open(false);
    await eventually(async () =>
      expect([first.binlog?.leading, second.binlog?.leading]).toEqual([true, false]),
    );
    await first.close();
    malls.splice(malls.indexOf(first), 1);
    await eventually(async () => expect(second.binlog?.leading).toBe(true), 20_000);
    const before = await sellable(second, 'toy-011');
    await eventually(async () => expect(await available(second, 'toy-011')).toBe(before));
    await sql`UPDATE stock_level SET physical = physical + 7, version = version + 1
              WHERE sku = 'toy-011' AND shard = 0 ORDER BY warehouse LIMIT 1`.execute(
      second.stack.db,
    );
    await eventually(async () => expect(await available(second, 'toy-011')).toBe(before + 7));
  });
});
