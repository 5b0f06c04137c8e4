import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness } from '../src/context.js';
import { RedisCluster, RedisServer, TestDatabase } from '../src/index.js';

const { redis, cluster, mysql } = harness();

describe('shared standalone Redis', () => {
  it('answers on the address the harness provides', async () => {
    const client = new Redis(redis.url);
    try {
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
    }
  });
});

describe('shared Redis Cluster', () => {
  let client: Cluster;
  beforeAll(() => {
    client = new Cluster(cluster.seeds);
  });
  afterAll(() => client.disconnect());

  it('covers all 16384 slots with 3 masters, each with a replica', async () => {
    const slots = (await client.cluster('SLOTS')) as Array<[number, number, ...unknown[]]>;
    const covered = slots.reduce((sum, [from, to]) => sum + (to - from + 1), 0);
    expect(covered).toBe(16384);
    expect(new Set(slots.map((s) => JSON.stringify(s[2]))).size).toBe(3);
    for (const range of slots) expect(range.length).toBeGreaterThanOrEqual(4);
  });

  it('reads through the cluster client a key written through its master', async () => {
    const key = `harness:direct:${Math.random()}`;
    const slot = Number(await client.cluster('KEYSLOT', key));
    const nodes = (await client.cluster('SLOTS')) as Array<[number, number, [string, number]]>;
    const owner = nodes.find(([from, to]) => slot >= from && slot <= to);
    expect(owner).toBeDefined();
    const direct = new Redis({ host: owner?.[2][0], port: owner?.[2][1] });
    try {
      await direct.set(key, 'written-on-master');
      expect(await client.get(key)).toBe('written-on-master');
    } finally {
      direct.disconnect();
    }
  });
});

describe('failover on a private cluster', () => {
  let own: RedisCluster;
  let client: Cluster;
  beforeAll(async () => {
    own = await RedisCluster.start({ name: 'failover-selftest' });
    client = new Cluster(own.seeds, { clusterRetryStrategy: () => 100 });
  });
  afterAll(async () => {
    client.disconnect();
    await own.stop();
  });

  it('promotes a replica when its master is killed, and the old master rejoins as a replica', async () => {
    const key = 'harness:failover';
    await client.set(key, 'survives');
    const slot = Number(await client.cluster('KEYSLOT', key));
    const master = await own.masterOf(slot);
    const direct = new Redis({ host: master.host, port: master.port });
    expect(await direct.wait(1, 5000)).toBe(1);
    direct.disconnect();

    const promoted = await own.failover(master);
    expect(promoted).not.toBe(master);
    expect(master.running).toBe(false);
    expect(await client.get(key)).toBe('survives');

    await own.restart(master);
    const roles = await own.topology();
    expect(roles.find((n) => n.port === master.port)?.role).toBe('replica');
    expect(roles.filter((n) => n.role === 'master' && !n.failing)).toHaveLength(3);
  });
});

describe('MySQL', () => {
  it('gives the run its own database', async () => {
    expect(mysql.database).toMatch(/^mallkit_test_\d+_[0-9a-f]{8}$/);
    expect(new URL(mysql.url).pathname).toBe(`/${mysql.database}`);
  });

  it('creates and drops a database', async () => {
    const db = await TestDatabase.create(mysql.serverUrl, 'mallkit_selftest');
    expect(await db.exists()).toBe(true);
    await db.drop();
    expect(await db.exists()).toBe(false);
  });
});

describe('missing servers fail at once with what to do', () => {
  it('names the package to install when redis-server is missing', async () => {
    await expect(
      RedisServer.start({ binary: 'redis-server-that-is-not-installed' }),
    ).rejects.toThrow(/apt-get install redis-server/);
  });

  it('names MYSQL_URL when MySQL cannot be reached', async () => {
    await expect(TestDatabase.create('mysql://root@127.0.0.1:1')).rejects.toThrow(/set MYSQL_URL=/);
  });
});
