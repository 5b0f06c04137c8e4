import { randomBytes } from 'node:crypto';
import { waitFor } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type DeadLetterSource,
  MemoryTransport,
  type MessageTransport,
  type Subscription,
  WriteBehindQueue,
} from '../src/index.js';
import { RedisStreamTransport } from '../src/redis/index.js';

interface Deduction {
  orderNo: string;
  sku: string;
  quantity: number;
}

const redis = new Redis(harness().redis.url);
afterAll(() => {
  redis.disconnect();
});

const backends: Array<[string, () => MessageTransport & DeadLetterSource]> = [
  ['memory', () => new MemoryTransport({ partitions: 4 })],
  [
    'redis',
    () =>
      new RedisStreamTransport({
        redis,
        keyPrefix: `wb:${randomBytes(4).toString('hex')}:`,
        partitions: 4,
        blockMs: 100,
      }),
  ],
];

describe.each(backends)('WriteBehindQueue on %s', (_name, transportOf) => {
  it('runs every task at least once, retrying with backoff, and dead-letters one that keeps failing', async () => {
    const transport = transportOf();
    const queue = new WriteBehindQueue<Deduction>({
      transport,
      name: 'deductions',
      maxAttempts: 4,
      retryDelayMs: 20,
      maxRetryDelayMs: 80,
    });
    const written = new Map<string, number>(); // the "database": one row per order
    const attempts = new Map<string, number[]>();
    const times = new Map<string, number[]>();
    const flaky = new Set(['o3', 'o7']);
    const handler = async (task: { id: string; attempt: number; payload: Deduction }) => {
      attempts.set(task.id, [...(attempts.get(task.id) ?? []), task.attempt]);
      times.set(task.id, [...(times.get(task.id) ?? []), Date.now()]);
      if (task.id === 'o5') throw new Error('sku unknown to the database');
      if (flaky.has(task.id) && task.attempt < 3) throw new Error('lock wait timeout');
      written.set(task.payload.orderNo, task.payload.quantity); // idempotent write
    };
    const done: string[] = [];
    queue.events.on('done', (e) => done.push(e.id));
    const workers: Subscription[] = [
      await queue.worker('w1', handler),
      await queue.worker('w2', handler),
    ];
    try {
      const ids = await queue.enqueue(
        Array.from({ length: 12 }, (_, i) => ({
          id: `o${i}`,
          key: `sku-${i % 3}`,
          payload: { orderNo: `o${i}`, sku: `sku-${i % 3}`, quantity: i + 1 },
        })),
      );
      expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => `o${i}`));
      await waitFor('11 tasks written', 20_000, () => written.size === 11);
      await waitFor('the failing task dead-lettered', 20_000, async () => {
        return (await transport.deadLetters('deductions')).length === 1;
      });
      const [letter] = await transport.deadLetters('deductions');
      expect(letter).toMatchObject({ id: 'o5', deliveries: 4, key: 'sku-2' });
      expect(letter?.reason).toBe('handler failed 4 times: sku unknown to the database');
      expect(JSON.parse(letter?.body ?? '{}').payload).toEqual({
        orderNo: 'o5',
        sku: 'sku-2',
        quantity: 6,
      });
      expect(attempts.get('o5')).toEqual([1, 2, 3, 4]);
      for (const id of flaky) expect(attempts.get(id)?.slice(-1)).toEqual([3]);
      expect(written.has('o5')).toBe(false);
      expect([...written.values()].reduce((a, b) => a + b, 0)).toBe(78 - 6);
      // Backoff: each retry of o5 waited at least the doubling delay (20, 40, 80 ms).
      const t = times.get('o5') ?? [];
      for (const [i, min] of [20, 40, 80].entries()) {
        expect((t[i + 1] ?? 0) - (t[i] ?? 0)).toBeGreaterThanOrEqual(min - 5);
      }
      expect(new Set(done).size).toBe(11);
    } finally {
      for (const worker of workers) await worker.close();
    }
  });

  it('refuses a payload JSON cannot carry', async () => {
    const queue = new WriteBehindQueue<{ n: bigint }>({ transport: transportOf(), name: 'bad' });
    await expect(queue.enqueue({ key: 'k', payload: { n: 1n } })).rejects.toMatchObject({
      code: 'INVALID_MESSAGE',
    });
  });
});
