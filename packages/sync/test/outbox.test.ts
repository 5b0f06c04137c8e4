import { waitFor } from '@mallkit/internal-harness';
import { type ChangeEvent, type ChangeSink, isSyncError, type SyncError } from '@mallkit/sync';
import {
  createOutboxTable,
  OutboxSource,
  type OutboxSourceOptions,
  writeOutbox,
} from '@mallkit/sync/mysql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CdcDatabase, RecordingSink, startCdcDatabase } from './fixtures/mariadbCdc.js';

let db: CdcDatabase;
const running: OutboxSource[] = [];

beforeAll(async () => {
  db = await startCdcDatabase('outbox');
  await db.sql('CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(10))');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((relay) => relay.stop()));
});

afterAll(async () => {
  await db?.close();
});

async function relay(
  sink: ChangeSink,
  table: string,
  options: Partial<OutboxSourceOptions> = {},
): Promise<OutboxSource> {
  const source = new OutboxSource({
    pool: db.pool,
    table,
    pollIntervalMs: 20,
    retryDelayMs: 50,
    maxRetryDelayMs: 200,
    ...options,
  });
  running.push(source);
  await source.start(sink);
  return source;
}

/** Runs `work` in a transaction of its own, committing or rolling back. */
async function transaction(
  work: (conn: Awaited<ReturnType<CdcDatabase['pool']['getConnection']>>) => Promise<void>,
  outcome: 'commit' | 'rollback' = 'commit',
): Promise<void> {
  const conn = await db.pool.getConnection();
  try {
    await conn.beginTransaction();
    await work(conn);
    await (outcome === 'commit' ? conn.commit() : conn.rollback());
  } finally {
    conn.release();
  }
}

async function remaining(table: string): Promise<number> {
  const [row] = await db.sql(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row?.['n']);
}

function seqsByKey(changes: readonly ChangeEvent[]): Map<string, number[]> {
  const seen = new Set<string>();
  const byKey = new Map<string, number[]>();
  for (const change of changes) {
    if (seen.has(change.id)) continue;
    seen.add(change.id);
    byKey.set(change.key, [...(byKey.get(change.key) ?? []), Number(change.after?.['seq'])]);
  }
  return byKey;
}

/** How `start` rejected; fails the test when it resolved. */
async function startRefusal(source: OutboxSource, sink: ChangeSink): Promise<SyncError> {
  const error: unknown = await source.start(sink).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSyncError(error)) throw new Error(`expected a SyncError, got ${String(error)}`);
  return error;
}

describe('OutboxSource', () => {
  it('refuses to start on an outbox table that does not exist, naming it and createOutboxTable / outboxTableDdl; starts once it is created', async () => {
    const sink = new RecordingSink();
    const source = new OutboxSource({ pool: db.pool, table: 'outbox_never_created' });
    const events: string[] = [];
    source.events.on('started', () => events.push('started'));
    source.events.on('error', () => events.push('error'));
    const error = await startRefusal(source, sink);
    expect(error.code).toBe('SOURCE_MISCONFIGURED');
    expect(error.message).toMatch(
      /^outbox table outbox_never_created does not exist: create it with createOutboxTable\(pool, 'outbox_never_created'\), or put outboxTableDdl\('outbox_never_created'\) in a migration/,
    );
    expect((error.cause as { errno?: unknown }).errno).toBe(1146);
    expect(events).toEqual([]);
    await source.stop(); // nothing runs: a no-op

    await createOutboxTable(db.pool, 'outbox_never_created');
    running.push(source);
    await source.start(sink);
    await writeOutbox(
      db.pool,
      [{ topic: 't', key: 'k', payload: { seq: 1 } }],
      'outbox_never_created',
    );
    await sink.waitForCount(1);
    expect(events).toEqual(['started']);
  });

  it('refuses to start on a table without the outbox columns (SOURCE_MISCONFIGURED naming outboxTableDdl)', async () => {
    await db.sql('CREATE TABLE outbox_wrong (id INT PRIMARY KEY, body TEXT)');
    const error = await startRefusal(
      new OutboxSource({ pool: db.pool, table: 'shop.outbox_wrong' }),
      new RecordingSink(),
    );
    expect(error.code).toBe('SOURCE_MISCONFIGURED');
    expect(error.message).toMatch(
      /^table shop\.outbox_wrong is not an outbox table: it must have the columns of outboxTableDdl\('shop\.outbox_wrong'\)/,
    );
    expect((error.cause as { errno?: unknown }).errno).toBe(1054);
  });

  it('reports a table dropped while it runs as SOURCE_MISCONFIGURED error events, and relays again once it is back', async () => {
    await createOutboxTable(db.pool, 'outbox_dropped');
    const sink = new RecordingSink();
    const source = await relay(sink, 'outbox_dropped');
    const errors: unknown[] = [];
    source.events.on('error', ({ error }) => errors.push(error));
    await db.sql('DROP TABLE outbox_dropped');
    await waitFor('an error event', 5000, () => errors.length > 0);
    const [first] = errors;
    expect(isSyncError(first) && first.code).toBe('SOURCE_MISCONFIGURED');
    expect((first as Error).message).toMatch(/^outbox table outbox_dropped does not exist/);

    await createOutboxTable(db.pool, 'outbox_dropped');
    await writeOutbox(db.pool, [{ topic: 't', key: 'k', payload: { seq: 1 } }], 'outbox_dropped');
    await sink.waitForCount(1);
  });

  it('publishes only committed rows, in id order, then deletes them; a rolled-back transaction publishes nothing', async () => {
    await createOutboxTable(db.pool, 'outbox_basic');
    const sink = new RecordingSink();
    await relay(sink, 'outbox_basic');
    await transaction(async (conn) => {
      await conn.query("INSERT INTO orders VALUES (1, 'new')");
      await writeOutbox(
        conn,
        [
          { topic: 'orders', key: 'o1', payload: { seq: 1, status: 'new' } },
          { topic: 'payments', key: 'o1', payload: { seq: 2, amount: 5 } },
        ],
        'outbox_basic',
      );
    });
    await transaction(async (conn) => {
      await conn.query("INSERT INTO orders VALUES (2, 'new')");
      await writeOutbox(
        conn,
        [{ topic: 'orders', key: 'o2', payload: { seq: 1 } }],
        'outbox_basic',
      );
    }, 'rollback');
    await transaction(async (conn) => {
      await conn.query("UPDATE orders SET status = 'paid' WHERE id = 1");
      await writeOutbox(
        conn,
        [
          { topic: 'orders', key: 'o1', payload: { seq: 3, status: 'paid' } },
          { topic: 'orders', key: 'o3', payload: { seq: 1 } },
        ],
        'outbox_basic',
      );
    });
    await sink.waitForCount(4);
    await waitFor(
      'published rows deleted',
      5000,
      async () => (await remaining('outbox_basic')) === 0,
    );

    expect(sink.changes.map((c) => [c.table, c.key, c.after?.['seq']])).toEqual([
      ['orders', 'o1', 1],
      ['payments', 'o1', 2],
      ['orders', 'o1', 3],
      ['orders', 'o3', 1],
    ]);
    expect(sink.changes.some((c) => c.key === 'o2')).toBe(false);
    expect(sink.changes[0]).toMatchObject({
      id: 'outbox:1',
      source: 'outbox',
      op: 'event',
      position: '1',
      after: { seq: 1, status: 'new' },
    });
    expect(sink.changes[0]?.at).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps the rows while the sink fails (Redis down) and publishes them once it is back', async () => {
    await createOutboxTable(db.pool, 'outbox_down');
    const sink = new RecordingSink();
    sink.failing = true;
    const source = await relay(sink, 'outbox_down');
    let failures = 0;
    source.events.on('publishFailed', () => failures++);
    await transaction((conn) =>
      writeOutbox(
        conn,
        [1, 2, 3].map((seq) => ({ topic: 'orders', key: 'o1', payload: { seq } })),
        'outbox_down',
      ),
    );
    await waitFor('two failed rounds', 5000, () => failures >= 2);
    expect(await remaining('outbox_down')).toBe(3);
    expect(sink.changes).toEqual([]);

    sink.failing = false;
    await sink.waitForCount(3);
    await waitFor(
      'published rows deleted',
      5000,
      async () => (await remaining('outbox_down')) === 0,
    );
    expect(sink.changes.map((c) => c.after?.['seq'])).toEqual([1, 2, 3]);
  });

  it('marks instead of deleting with afterPublish: mark, and never republishes marked rows', async () => {
    await createOutboxTable(db.pool, 'outbox_mark');
    const sink = new RecordingSink();
    await relay(sink, 'outbox_mark', { afterPublish: 'mark' });
    await transaction((conn) =>
      writeOutbox(conn, [{ topic: 't', key: 'k', payload: { seq: 1 } }], 'outbox_mark'),
    );
    await sink.waitForCount(1);
    await waitFor('row marked', 5000, async () => {
      const [row] = await db.sql('SELECT published_at FROM outbox_mark');
      return row?.['published_at'] instanceof Date;
    });
    await transaction((conn) =>
      writeOutbox(conn, [{ topic: 't', key: 'k', payload: { seq: 2 } }], 'outbox_mark'),
    );
    await sink.waitForCount(2);
    expect(sink.changes.map((c) => c.after?.['seq'])).toEqual([1, 2]);
    expect(await remaining('outbox_mark')).toBe(2);
  });

  it('two relays at once: every row published at least once, no key out of order, both relays at work', async () => {
    await createOutboxTable(db.pool, 'outbox_pair');
    // one record of what was accepted, in acceptance order, whichever relay published it
    const accepted = new RecordingSink();
    let refusals = 0;
    const sinkA: ChangeSink = {
      // A's first two rounds with rows fail: it backs off, the rows stay, B takes over
      publish: async (changes) => {
        if (refusals < 2) {
          refusals++;
          throw new Error('A: transport down');
        }
        await accepted.publish(changes);
      },
    };
    const options = { partitions: 4, batchSize: 5 };
    await relay(sinkA, 'outbox_pair', { ...options, retryDelayMs: 200 });
    // A holds the partition of a first row and fails on it; B starts while A backs off
    await transaction((conn) =>
      writeOutbox(conn, [{ topic: 'orders', key: 'first', payload: { seq: 1 } }], 'outbox_pair'),
    );
    await waitFor('A failed on the first row', 5000, () => refusals >= 1);
    const b = await relay(accepted, 'outbox_pair', options);
    let roundsOfB = 0;
    b.events.on('published', () => roundsOfB++);

    const keys = Array.from({ length: 8 }, (_, i) => `order-${i}`);
    const perKey = 25;
    // one writer per key, all keys at once: each key's events are committed in sequence
    await Promise.all(
      keys.map(async (key) => {
        for (let seq = 1; seq <= perKey; seq++) {
          await transaction((conn) =>
            writeOutbox(conn, [{ topic: 'orders', key, payload: { seq } }], 'outbox_pair'),
          );
        }
      }),
    );
    await waitFor('every row published and removed', 20_000, async () => {
      return (
        new Set(accepted.changes.map((c) => c.id)).size === keys.length * perKey + 1 &&
        (await remaining('outbox_pair')) === 0
      );
    });

    const expected = Array.from({ length: perKey }, (_, i) => i + 1);
    const byKey = seqsByKey(accepted.changes);
    expect(byKey.get('first')).toEqual([1]);
    byKey.delete('first');
    expect(byKey.size).toBe(keys.length);
    for (const [key, seqs] of byKey) {
      expect({ key, seqs }).toEqual({ key, seqs: expected });
    }
    expect(roundsOfB).toBeGreaterThan(0);
  });
});
