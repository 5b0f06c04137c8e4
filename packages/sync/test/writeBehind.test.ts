import { randomBytes } from 'node:crypto';
import { waitFor } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryTransport, type Subscription, WriteBehindQueue } from '../src/index.js';
import { RedisStreamTransport } from '../src/redis/index.js';
import type { TestTransport } from './fixtures/transportBackends.js';

interface Deduction {
  orderNo: string;
  sku: string;
  quantity: number;
}

const redis = new Redis(harness().redis.url);
afterAll(() => {
  redis.disconnect();
});

const backends: Array<[string, () => TestTransport]> = [
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

  it('dead-letters and reports a malformed message once when a task of its batch fails', async () => {
    const transport = transportOf();
    const queue = new WriteBehindQueue<Deduction>({ transport, name: 'mixed', retryDelayMs: 10 });
    const deduction = (orderNo: string) => ({ orderNo, sku: 'sku-1', quantity: 1 });
    // Before any worker runs, all on one key: one batch of three.
    await queue.enqueue({ id: 'o1', key: 'sku-1', payload: deduction('o1') });
    await transport.publish('mixed', [{ key: 'sku-1', id: 'junk', body: '{nope' }]);
    await queue.enqueue({ id: 'boom', key: 'sku-1', payload: deduction('boom') });
    const batches: number[] = [];
    transport.events.on('delivered', (e) => batches.push(e.messages));
    const malformed: Array<[string, number]> = [];
    const failed: Array<[string, number]> = [];
    const done: Array<[string, number]> = [];
    queue.events.on('malformed', (e) => malformed.push([e.id, e.attempt]));
    queue.events.on('failed', (e) => failed.push([e.id, e.attempt]));
    queue.events.on('done', (e) => done.push([e.id, e.attempt]));
    const worker = await queue.worker('w1', async (task) => {
      if (task.id === 'boom' && task.attempt === 1) throw new Error('lock wait timeout');
    });
    try {
      await waitFor('boom done', 10_000, () => done.some(([id]) => id === 'boom'));
      await waitFor(
        'nothing left behind',
        10_000,
        async () => (await transport.consumerLag('mixed', 'write-behind')).messages === 0,
      );
      expect(batches[0]).toBe(3);
      const letters = await transport.deadLetters('mixed');
      expect(letters.map((l) => l.id)).toEqual(['junk']);
      expect(letters[0]?.reason).toMatch(/^not a task: /);
      // reported once, when its (redelivered) batch was done
      expect(malformed).toEqual([['junk', 2]]);
      expect(failed).toEqual([['boom', 1]]);
      // at least once for the tasks: o1 again with its failed batch, boom on redelivery
      expect(done).toEqual([
        ['o1', 1],
        ['o1', 2],
        ['boom', 2],
      ]);
    } finally {
      await worker.close();
    }
  });

  it('refuses a payload JSON cannot carry', async () => {
    const queue = new WriteBehindQueue<{ n: bigint }>({ transport: transportOf(), name: 'bad' });
    await expect(queue.enqueue({ key: 'k', payload: { n: 1n } })).rejects.toMatchObject({
      code: 'INVALID_MESSAGE',
    });
  });
});
