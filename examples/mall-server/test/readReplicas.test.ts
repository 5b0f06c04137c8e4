import { TestDatabase } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMall } from '../src/app/createMall.ts';
import type { Mall } from '../src/app/Mall.ts';
import { readConfig } from '../src/config/readConfig.ts';

const admin = { authorization: 'Bearer admin-dev-token' };

// A "replica" here is a second database the test copies the primary's catalogue into and
// then leaves behind: a replica lagging forever. Reads on a miss must go to it, writes and
// the cache refresh after a write to the primary (read-your-writes), and a replica that
// cannot be reached must not fail reads.
describe('read/write split with MYSQL_REPLICA_URLS', () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let mall: Mall;
  let sql: Awaited<ReturnType<typeof createConnection>>;

  beforeAll(async () => {
    const { redis, mysql } = harness();
    primary = await TestDatabase.create(mysql.serverUrl, 'mall_primary');
    replica = await TestDatabase.create(mysql.serverUrl, 'mall_replica');
    sql = await createConnection({ uri: mysql.serverUrl });
    const base = {
      PORT: '0',
      LOG_LEVEL: 'silent',
      FULL_SYNC_EVERY_MS: '0',
      REDIS_URL: redis.url,
      REDIS_PREFIX: `mall-replicas-${process.pid}:`,
    };
    // the replica's schema and rows: migrate it as a primary once, then copy the seeded catalogue
    const seeded = await createMall(
      readConfig({ ...base, MYSQL_URL: primary.url, SEED_DEMO: '1' }),
    );
    await seeded.close();
    const schemaOnly = await createMall(
      readConfig({ ...base, MYSQL_URL: replica.url, SEED_DEMO: '0' }),
    );
    await schemaOnly.close();
    for (const table of ['product', 'product_stock']) {
      await sql.query(
        `INSERT INTO \`${replica.name}\`.${table} SELECT * FROM \`${primary.name}\`.${table}`,
      );
    }
    await sql.query(
      `UPDATE \`${replica.name}\`.product SET name = 'from the replica' WHERE sku = 'toy-030'`,
    );
    const prefix = `mall-replicas-${process.pid}-2:`; // a cold cache
    mall = await createMall(
      readConfig({
        ...base,
        REDIS_PREFIX: prefix,
        MYSQL_URL: primary.url,
        MYSQL_REPLICA_URLS: replica.url,
        SEED_DEMO: '0',
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await mall?.close();
    await sql?.end();
    await primary?.drop();
    await replica?.drop();
  });

  it('reads a cache miss from the replica', async () => {
    const res = await mall.app.inject({ url: '/api/products/toy-030' });
    expect(res.json().name).toBe('from the replica');
  });

  it('after a write, serves the primary row although the replica still has the old one', async () => {
    await mall.app.inject({ url: '/api/products/toy-031' }); // cached from the replica
    const put = await mall.app.inject({
      method: 'PUT',
      url: '/api/admin/products/toy-031',
      payload: { name: 'written to the primary', category: 'toys', priceCents: 4_200 },
      headers: admin,
    });
    expect(put.statusCode).toBe(200);
    const [rows] = await sql.query(
      `SELECT name FROM \`${replica.name}\`.product WHERE sku = 'toy-031'`,
    );
    expect((rows as Array<{ name: string }>)[0]?.name).not.toBe('written to the primary');
    expect((await mall.app.inject({ url: '/api/products/toy-031' })).json().name).toBe(
      'written to the primary',
    );
    await mall.productCache.clearL1(); // L2 holds what the write put there, not the replica's row
    expect((await mall.app.inject({ url: '/api/products/toy-031' })).json().name).toBe(
      'written to the primary',
    );
  });

  it('falls back to the primary when no replica can be reached', async () => {
    const { redis } = harness();
    const down = await createMall(
      readConfig({
        PORT: '0',
        LOG_LEVEL: 'silent',
        FULL_SYNC_EVERY_MS: '0',
        REDIS_URL: redis.url,
        REDIS_PREFIX: `mall-replicas-${process.pid}-3:`,
        MYSQL_URL: primary.url,
        MYSQL_REPLICA_URLS: 'mysql://root@127.0.0.1:1/nowhere',
        SEED_DEMO: '0',
      }),
    );
    try {
      const res = await down.app.inject({ url: '/api/products/toy-030' });
      expect(res.statusCode).toBe(200);
      expect(res.json().name).not.toBe('from the replica');
    } finally {
      await down.close();
    }
  });
});
