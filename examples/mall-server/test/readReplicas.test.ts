import { MariaDbServer, TestDatabase } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { type Connection, createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMall } from '../src/app/createMall.ts';
import type { Mall } from '../src/app/Mall.ts';
import { readConfig } from '../src/config/readConfig.ts';
import { eventually } from './eventually.ts';

const admin = { authorization: 'Bearer admin-dev-token' };

// A real MariaDB primary and a replica following it (GTID replication), both private.
// The test stops the replica's SQL thread to make it lag, and shows that cache misses
// read the replica, that writes and the cache refresh after them go to the primary
// (read-your-writes), and that an unreachable replica does not fail reads.
describe('read/write split with MYSQL_REPLICA_URLS on a real replica', () => {
  let primary: MariaDbServer;
  let replica: MariaDbServer;
  let database: TestDatabase;
  let mall: Mall;
  let onPrimary: Connection;
  let onReplica: Connection;
  const base = () => ({
    PORT: '0',
    LOG_LEVEL: 'silent',
    FULL_SYNC_EVERY_MS: '0',
    REDIS_URL: harness().redis.url,
    REDIS_PREFIX: `mall-replicas-${process.pid}:`,
  });
  const nameOn = async (connection: Connection, sku: string) => {
    const [rows] = await connection.query(
      `SELECT name FROM \`${database.name}\`.product WHERE sku = ?`,
      [sku],
    );
    return (rows as Array<{ name: string }>)[0]?.name;
  };
  const detail = async (sku: string) =>
    (await mall.app.inject({ url: `/api/products/${sku}` })).json();

  beforeAll(async () => {
    [primary, replica] = await Promise.all([
      MariaDbServer.start({ name: 'mall-primary' }),
      MariaDbServer.start({ name: 'mall-replica', args: ['--server-id=2'] }),
    ]);
    onPrimary = await createConnection({ uri: primary.url });
    onReplica = await createConnection({ uri: replica.url });
    await onReplica.query(
      `CHANGE MASTER TO MASTER_HOST = ?, MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = '', MASTER_USE_GTID = slave_pos`,
      [primary.host, primary.port, primary.user],
    );
    await onReplica.query('START SLAVE');
    database = await TestDatabase.create(primary.url, 'mall_split');
    const replicaUrl = new URL(database.url);
    replicaUrl.port = String(replica.port);
    mall = await createMall(
      readConfig({
        ...base(),
        MYSQL_URL: database.url,
        MYSQL_REPLICA_URLS: replicaUrl.toString(),
        SEED_DEMO: '1',
      }),
    );
    await eventually(async () => expect(await nameOn(onReplica, 'toy-040')).toBeDefined(), 30_000);
  }, 120_000);

  afterAll(async () => {
    await mall?.close();
    await onPrimary?.end();
    await onReplica?.end();
    await Promise.all([replica?.stop(), primary?.stop()]);
  });

  it('reads cache misses from the replica, which may lag', async () => {
    await onReplica.query('STOP SLAVE SQL_THREAD'); // the replica lags from here
    try {
      await onPrimary.query(
        `UPDATE \`${database.name}\`.product SET name = 'changed on the primary' WHERE sku = 'toy-030'`,
      );
      await mall.productCache.invalidate('toy-030');
      expect((await detail('toy-030')).name).not.toBe('changed on the primary');
      expect(await nameOn(onReplica, 'toy-030')).not.toBe('changed on the primary');
    } finally {
      await onReplica.query('START SLAVE SQL_THREAD');
    }
    await eventually(
      async () => expect(await nameOn(onReplica, 'toy-030')).toBe('changed on the primary'),
      30_000,
    );
    await mall.productCache.invalidate('toy-030');
    expect((await detail('toy-030')).name).toBe('changed on the primary');
  });

  it('after an admin write, serves the primary row although the replica has not seen it', async () => {
    await onReplica.query('STOP SLAVE SQL_THREAD');
    try {
      const put = await mall.app.inject({
        method: 'PUT',
        url: '/api/admin/products/toy-031',
        payload: { name: 'written to the primary', category: 'toys', priceCents: 4_200 },
        headers: admin,
      });
      expect(put.statusCode).toBe(200);
      expect(await nameOn(onReplica, 'toy-031')).not.toBe('written to the primary');
      expect((await detail('toy-031')).name).toBe('written to the primary');
      await mall.productCache.clearL1(); // L2 holds what the write put there, not the replica's row
      expect((await detail('toy-031')).name).toBe('written to the primary');
    } finally {
      await onReplica.query('START SLAVE SQL_THREAD');
    }
  });

  it('falls back to the primary when no replica can be reached', async () => {
    const down = await createMall(
      readConfig({
        ...base(),
        REDIS_PREFIX: `mall-replicas-${process.pid}-down:`,
        MYSQL_URL: database.url,
        MYSQL_REPLICA_URLS: 'mysql://root@127.0.0.1:1/nowhere',
        SEED_DEMO: '0',
      }),
    );
    try {
      const res = await down.app.inject({ url: '/api/products/toy-032' });
      expect(res.statusCode).toBe(200);
      expect(res.json().sku).toBe('toy-032');
    } finally {
      await down.close();
    }
  });
});
