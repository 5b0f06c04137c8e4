import { harness } from '@mallkit/internal-harness/vitest';
import { Cluster } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisStreamTransport } from '../src/redis/index.js';
import { clusterBackend } from './fixtures/transportBackends.js';
import { transportSuite } from './fixtures/transportSuite.js';

const { cluster } = harness();

transportSuite(clusterBackend(cluster.seeds));

describe('redis cluster transport: replication', () => {
  const redis = new Cluster(cluster.seeds);
  afterAll(() => {
    redis.disconnect();
  });

  it('publishes to partitions on several masters, each write acknowledged by its replica (WAIT)', async () => {
    const prefix = `tc:${process.pid}:${Date.now()}:`;
    const transport = new RedisStreamTransport({
      redis,
      keyPrefix: prefix,
      partitions: 8,
      replicas: 1,
      replicaTimeoutMs: 5000,
    });
    const messages = Array.from({ length: 40 }, (_, i) => ({
      key: `sku-${i}`,
      id: `m${i}`,
      body: '{}',
    }));
    await transport.publish('replicated', messages);
    let total = 0;
    const masters = new Set<string>();
    for (let p = 0; p < 8; p++) {
      const key = `${prefix}{replicated:${p}}`;
      total += await redis.xlen(key);
      const slot = (await redis.cluster('KEYSLOT', key)) as number;
      masters.add(String(redis.slots[slot]?.[0]));
    }
    expect(total).toBe(40);
    expect(masters.size).toBeGreaterThan(1);
  });
});
