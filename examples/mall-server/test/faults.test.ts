import { MariaDbServer, RedisServer, TestDatabase } from '@mallkit/internal-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMall } from '../src/app/createMall.ts';
import type { Mall } from '../src/app/Mall.ts';
import { readConfig } from '../src/config/readConfig.ts';
import { eventually } from './routeSuite.ts';

const service = { authorization: 'Bearer service-dev-token' };

// The server on its own private MariaDB and Redis, which the tests kill and restart.
describe('mall-server when the database or Redis fails', () => {
  let mariadb: MariaDbServer;
  let redis: RedisServer;
  let database: TestDatabase;
  let mall: Mall;

  beforeAll(async () => {
    [mariadb, redis] = await Promise.all([
      MariaDbServer.start({ name: 'mall-faults' }),
      RedisServer.start(),
    ]);
    database = await TestDatabase.create(mariadb.url, 'mall_faults');
    mall = await createMall(
      readConfig({
        PORT: '0',
        LOG_LEVEL: 'silent',
        FULL_SYNC_EVERY_MS: '0',
        REDIS_URL: redis.url,
        MYSQL_URL: database.url,
        SEED_DEMO: '1',
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await mall?.close();
    await redis?.stop();
    await mariadb?.stop();
  });

  it('keeps serving cached products while the database is down, and says it is not ready', async () => {
    expect((await mall.app.inject({ url: '/api/products/phone-005' })).statusCode).toBe(200);
    await mariadb.kill();
    try {
      const ready = await mall.app.inject({ url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ ready: false, db: false, redis: true });
      const cached = await mall.app.inject({ url: '/api/products/phone-005' });
      expect(cached.statusCode).toBe(200);
      expect(cached.json().sku).toBe('phone-005');
      // not cached (every seeded product is in L2): a typed 503, never a hang or a stack trace
      const cold = await mall.app.inject({ url: '/api/products/phone-777' });
      expect(cold.statusCode).toBeGreaterThanOrEqual(500);
      expect(cold.json().error.code).toMatch(/STORE_UNAVAILABLE|CIRCUIT_OPEN|TIMEOUT|INTERNAL/);
      expect(cold.body).not.toMatch(/\n\s+at /);
      const order = await mall.app.inject({
        method: 'POST',
        url: '/api/orders',
        payload: { orderNo: 'F-1', lines: [{ sku: 'phone-005', quantity: 1 }] },
        headers: service,
      });
      expect(order.statusCode).toBe(503);
    } finally {
      await mariadb.restart();
    }
    await eventually(async () => {
      expect((await mall.app.inject({ url: '/ready' })).statusCode).toBe(200);
    }, 30_000);
    await eventually(async () => {
      const order = await mall.app.inject({
        method: 'POST',
        url: '/api/orders',
        payload: { orderNo: 'F-2', lines: [{ sku: 'phone-005', quantity: 1 }] },
        headers: service,
      });
      expect(order.statusCode).toBe(200);
    }, 30_000);
  });

  it('keeps serving products from L1 and the database while Redis is down', async () => {
    expect((await mall.app.inject({ url: '/api/products/toy-005' })).statusCode).toBe(200);
    await redis.kill();
    try {
      const ready = await mall.app.inject({ url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ redis: false, db: true });
      expect((await mall.app.inject({ url: '/api/products/toy-005' })).json().sku).toBe('toy-005');
      // a miss skips the broken L2 and reads the database
      const miss = await mall.app.inject({ url: '/api/products/toy-038' });
      expect(miss.statusCode).toBe(200);
      expect(miss.json().sku).toBe('toy-038');
      // a write commits to the database and is answered, though the cache cannot take it
      const saved = await mall.app.inject({
        method: 'PUT',
        url: '/api/admin/products/toy-005',
        payload: { name: 'Toy 5, relaunched', category: 'toys', priceCents: 777 },
        headers: { authorization: 'Bearer admin-dev-token' },
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().priceCents).toBe(777);
      // this instance dropped its L1 copy: it reads the new row, not the old cached one
      expect((await mall.app.inject({ url: '/api/products/toy-005' })).json().priceCents).toBe(777);
    } finally {
      await redis.restart();
    }
    await eventually(async () => {
      expect((await mall.app.inject({ url: '/ready' })).statusCode).toBe(200);
    }, 30_000);
  });
});
