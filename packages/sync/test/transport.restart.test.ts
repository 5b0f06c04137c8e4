import { RedisServer, waitFor } from '@mallkit/internal-harness';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSyncError, type OutgoingMessage, type Subscription } from '../src/index.js';
import { RedisStreamTransport } from '../src/redis/index.js';
import { gate } from './fixtures/transportSuite.js';

// A private server (the shared ones must stay up), persisting every write (AOF, fsync
// always), so what Redis acknowledged survives the restart.
describe('redis transport across a Redis restart', () => {
  let server: RedisServer;
  let publisherClient: Redis;
  let consumerClient: Redis;

  beforeAll(async () => {
    server = await RedisServer.start({
      name: 'sync-restart',
      args: ['--appendonly', 'yes', '--appendfsync', 'always'],
    });
    publisherClient = new Redis(server.url);
    consumerClient = new Redis(server.url);
    for (const client of [publisherClient, consumerClient]) client.on('error', () => {}); // expected while down
  });
  afterAll(async () => {
    publisherClient?.disconnect();
    consumerClient?.disconnect();
    await server?.stop();
  });

  const batch = (from: number, to: number): OutgoingMessage[] =>
    Array.from({ length: to - from }, (_, i) => ({
      key: `sku-${(from + i) % 7}`,
      id: `m${from + i}`,
      body: JSON.stringify({ n: from + i }),
    }));

  it('fails publishes while Redis is down, then delivers everything once it is back', async () => {
    const options = {
      partitions: 3,
      blockMs: 200,
      leaseMs: 3000,
      claimIdleMs: 500,
      retryDelayMs: 20,
      maxRetryDelayMs: 200,
      publishTimeoutMs: 500,
    };
    const publisher = new RedisStreamTransport({ redis: publisherClient, ...options });
    const consumer = new RedisStreamTransport({ redis: consumerClient, ...options });
    const received = new Map<string, number>();
    let hold: ReturnType<typeof gate> | undefined;
    const subscription: Subscription = await consumer.subscribe('restart', 'g', 'c1', async (b) => {
      await hold?.promise;
      for (const m of b) received.set(m.id, (received.get(m.id) ?? 0) + 1);
    });
    try {
      await publisher.publish('restart', batch(0, 20));
      await waitFor('the first batch', 10_000, () => received.size === 20);

      hold = gate(); // the next messages are accepted by Redis but not yet handled
      await publisher.publish('restart', batch(20, 40));
      await waitFor('the second batch to be read', 10_000, async () => {
        const lag = await consumer.consumerLag('restart', 'g');
        return lag.messages === 20 && lag.partitions.some((p) => p.pending > 0);
      });
      await server.kill();

      const failure = await publisher.publish('restart', batch(40, 60)).catch((e: unknown) => e);
      expect(isSyncError(failure) && failure.code).toBe('TRANSPORT_UNAVAILABLE');

      await server.restart();
      hold.open();
      // The source re-sends what was not accepted until it is.
      await waitFor('a publish to succeed again', 20_000, async () => {
        try {
          await publisher.publish('restart', batch(40, 60));
          return true;
        } catch {
          return false;
        }
      });
      await waitFor('every message', 20_000, () => received.size === 60);
      await waitFor('nothing pending', 20_000, async () => {
        return (await consumer.consumerLag('restart', 'g')).messages === 0;
      });
      expect([...received.keys()].sort()).toEqual(
        batch(0, 60)
          .map((m) => m.id)
          .sort(),
      );
      // Only the re-sent batch may appear twice (a timed-out publish may still land).
      for (const [id, n] of received) if (Number(id.slice(1)) < 40) expect(n, id).toBe(1);
    } finally {
      hold?.open();
      await subscription.close();
    }
  });
});
