import { harness } from '@mallkit/internal-harness/vitest';
import { Cluster, Redis } from 'ioredis';
import { afterAll, describe } from 'vitest';
import { RedisBus, RedisL2 } from '../src/redis/index.js';
import { cacheSuite } from './suite/cacheSuite.js';

const { redis, cluster } = harness();
const opened: Array<{ close(): Promise<void> } | { disconnect(): void }> = [];
let n = 0;

afterAll(async () => {
  for (const thing of opened.reverse()) {
    if ('close' in thing) await thing.close();
    else thing.disconnect();
  }
});

describe('standalone', () => {
  const client = new Redis(redis.url);
  opened.push(client);
  cacheSuite('Redis standalone', () => {
    const id = `redis${++n}`;
    const bus = new RedisBus(client, { channel: `bus:${id}` });
    opened.push(bus);
    return { l2: () => new RedisL2(client), bus: () => bus, namespace: () => id };
  });
});

describe('cluster', () => {
  const client = new Cluster(cluster.seeds);
  opened.push(client);
  cacheSuite('Redis Cluster', () => {
    const id = `cluster${++n}`;
    const bus = new RedisBus(client, { channel: `bus:${id}` });
    opened.push(bus);
    return { l2: () => new RedisL2(client), bus: () => bus, namespace: () => id };
  });
});
