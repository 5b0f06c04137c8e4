import { waitFor } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { isSyncError } from '../src/index.js';
import { RedisStreamTransport } from '../src/redis/index.js';
import { standaloneBackend } from './fixtures/transportBackends.js';
import { transportSuite } from './fixtures/transportSuite.js';

const { redis: server } = harness();

transportSuite(standaloneBackend(server.url));

describe('redis standalone transport: entries and replication', () => {
  const redis = new Redis(server.url);
  const prefix = `tr:${process.pid}:${Date.now()}:`;
  afterAll(() => {
    redis.disconnect();
  });

  it('dead-letters a stream entry that is not a message, keeping what it held', async () => {
    const transport = new RedisStreamTransport({
      redis,
      keyPrefix: prefix,
      partitions: 1,
      blockMs: 100,
    });
    const got: string[] = [];
    const subscription = await transport.subscribe('raw', 'g', 'c1', async (batch) => {
      for (const m of batch) got.push(m.id);
    });
    try {
      await redis.xadd(`${prefix}{raw:0}`, '*', 'foo', 'bar');
      await transport.publish('raw', [{ key: 'k', id: 'fine', body: '{}' }]);
      await waitFor('the good message', 10_000, () => got.length === 1);
      const letters = await transport.deadLetters('raw');
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({
        reason: 'malformed entry: missing key, id, body',
        body: '{"foo":"bar"}',
        group: 'g',
        partition: 0,
        deliveries: 1,
      });
      expect(got).toEqual(['fine']);
    } finally {
      await subscription.close();
    }
  });

  it('fails a publish fewer replicas acknowledged with TRANSPORT_UNAVAILABLE', async () => {
    const transport = new RedisStreamTransport({
      redis,
      keyPrefix: prefix,
      partitions: 1,
      replicas: 1,
      replicaTimeoutMs: 50,
    });
    const errors: string[] = [];
    transport.events.on('error', (e) => errors.push(e.stage));
    const failure = await transport
      .publish('wait', [{ key: 'k', id: 'x', body: '{}' }])
      .catch((e) => e);
    expect(isSyncError(failure) && failure.code).toBe('TRANSPORT_UNAVAILABLE');
    expect((failure as Error).message).toMatch(/only 0 of 1 replicas/);
    expect(errors).toEqual(['publish']);
    // Written on the master all the same: the source re-sends, consumers deduplicate.
    expect(await redis.xlen(`${prefix}{wait:0}`)).toBe(1);
  });
});
