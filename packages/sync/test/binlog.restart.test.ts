import { waitFor } from '@mallkit/internal-harness';
import { type CheckpointStore, MemoryCheckpointStore } from '@mallkit/sync';
import {
  BinlogSource,
  type BinlogSourceOptions,
  compareBinlogPositions,
  MysqlCheckpointStore,
  parseBinlogPosition,
} from '@mallkit/sync/mysql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CdcDatabase, ids, RecordingSink, startCdcDatabase } from './fixtures/mariadbCdc.js';

let db: CdcDatabase;
const running: BinlogSource[] = [];

beforeAll(async () => {
  db = await startCdcDatabase('binlog-restart');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((source) => source.stop()));
});

afterAll(async () => {
  await db?.close();
});

function source(options: Partial<BinlogSourceOptions>): BinlogSource {
  const created = new BinlogSource({
    connection: db.connection,
    pool: db.pool,
    retryDelayMs: 100,
    maxRetryDelayMs: 1000,
    ...options,
  });
  running.push(created);
  return created;
}

function position(text: string) {
  const parsed = parseBinlogPosition(text);
  if (!parsed) throw new Error(`not a position: ${text}`);
  return parsed;
}

/** A checkpoint store whose saves can be made to fail, as if the process died before saving. */
class FlakyStore implements CheckpointStore {
  readonly inner = new MemoryCheckpointStore();
  failing = false;
  load(name: string) {
    return this.inner.load(name);
  }
  async save(name: string, value: string) {
    if (this.failing) throw new Error('checkpoint store down');
    await this.inner.save(name, value);
  }
}

describe('BinlogSource restarts', () => {
  it('resumes from its MySQL checkpoint: nothing lost, nothing before it repeated, same ids as a full read, ALTER while stopped decoded', async () => {
    await db.sql('CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(10))');
    const checkpoints = new MysqlCheckpointStore({ pool: db.pool, table: 'cdc_checkpoints' });
    const filter = { tables: ['shop.orders'] };
    const first = new RecordingSink();
    const a = source({ name: 'orders-cdc', checkpoints, filter });
    let startedAt = '';
    a.events.on('started', ({ position: p }) => {
      startedAt = p;
    });
    await a.start(first);
    for (let i = 1; i <= 5; i++) await db.sql(`INSERT INTO orders VALUES (${i}, 'new')`);
    await first.waitForCount(5);
    await a.stop();
    const checkpoint = (await checkpoints.load('orders-cdc')) ?? '';
    // at or after the last change (the checkpoint table's own commits may follow it)
    expect(
      compareBinlogPositions(position(checkpoint), position(first.changes.at(-1)?.position ?? '')),
    ).toBeGreaterThanOrEqual(0);

    // while the source is down
    await db.sql("INSERT INTO orders VALUES (6, 'new'), (7, 'new')");
    await db.sql("UPDATE orders SET status = 'paid' WHERE id = 1");
    await db.sql("ALTER TABLE orders ADD COLUMN note VARCHAR(20) NOT NULL DEFAULT '-'");
    await db.sql("INSERT INTO orders VALUES (8, 'new', 'gift')");

    const second = new RecordingSink();
    await source({ name: 'orders-cdc', checkpoints, filter }).start(second);
    await second.waitForCount(4);
    expect(second.changes.map((c) => `${c.op}:${c.key}`)).toEqual([
      'insert:6',
      'insert:7',
      'update:1',
      'insert:8',
    ]);
    expect(second.changes[3]?.after).toEqual({ id: 8, status: 'new', note: 'gift' });
    // only changes after the checkpoint: none of the first run's ids, all positions beyond it
    const firstIds = new Set(ids(first.changes));
    expect(second.changes.filter((c) => firstIds.has(c.id))).toEqual([]);
    for (const change of second.changes) {
      expect(
        compareBinlogPositions(position(change.position), position(checkpoint)),
      ).toBeGreaterThan(0);
    }
    // the checkpoint table's own writes were not captured
    expect(second.changes.every((c) => c.table === 'shop.orders')).toBe(true);

    // a fresh reader from where the first run started sees the same changes with the same ids
    const full = new RecordingSink();
    await source({ name: 'orders-full', filter, startAt: startedAt }).start(full);
    await full.waitForCount(9);
    expect(ids(full.changes)).toEqual([...ids(first.changes), ...ids(second.changes)]);
  });

  it('after a crash before the checkpoint was saved, re-emits only what came after it, with the same ids (at least once)', async () => {
    await db.sql('CREATE TABLE payments (id INT PRIMARY KEY, amount INT)');
    const store = new FlakyStore();
    const filter = { tables: ['shop.payments'] };
    const first = new RecordingSink();
    const a = source({ name: 'payments-cdc', checkpoints: store, filter });
    let saveErrors = 0;
    a.events.on('error', () => saveErrors++);
    await a.start(first);
    await db.sql('INSERT INTO payments VALUES (1, 10)');
    await first.waitForCount(1);
    await waitFor(
      'first checkpoint',
      5000,
      async () => (await store.load('payments-cdc')) === first.changes[0]?.position,
    );

    store.failing = true; // the process "dies" before it can save again
    await db.sql('INSERT INTO payments VALUES (2, 20)');
    await db.sql('UPDATE payments SET amount = 11 WHERE id = 1');
    await first.waitForCount(3);
    await waitFor('a failed save', 5000, () => saveErrors > 0);
    await a.stop();
    store.failing = false;

    await db.sql('INSERT INTO payments VALUES (3, 30)');
    const second = new RecordingSink();
    await source({ name: 'payments-cdc', checkpoints: store, filter }).start(second);
    await second.waitForCount(3);
    expect(ids(second.changes)).toEqual([
      ...ids(first.changes.slice(1)),
      ...ids(second.changes.slice(2)),
    ]);
    expect(second.changes.map((c) => `${c.op}:${c.key}`)).toEqual([
      'insert:2',
      'update:1',
      'insert:3',
    ]);
  });

  it('keeps re-sending a batch the sink rejects (Redis down) without losing, reordering or checkpointing past it', async () => {
    await db.sql('CREATE TABLE baskets (id INT PRIMARY KEY, qty INT)');
    const sink = new RecordingSink();
    const checkpoints = new MemoryCheckpointStore();
    const s = source({ name: 'baskets-cdc', checkpoints, filter: { tables: ['shop.baskets'] } });
    let failures = 0;
    s.events.on('publishFailed', () => failures++);
    await s.start(sink);
    await db.sql('INSERT INTO baskets VALUES (1, 1)');
    await sink.waitForCount(1);
    const before = await checkpoints.load('baskets-cdc');

    sink.failing = true;
    for (let i = 2; i <= 6; i++) await db.sql(`INSERT INTO baskets VALUES (${i}, ${i})`);
    await waitFor('two rejected attempts', 10_000, () => failures >= 2);
    expect(await checkpoints.load('baskets-cdc')).toBe(before);
    expect(s.status().lastError).toBeInstanceOf(Error);

    sink.failing = false;
    await sink.waitForCount(6);
    expect(sink.changes.map((c) => c.key)).toEqual(['1', '2', '3', '4', '5', '6']);
    await waitFor(
      'checkpoint moved on',
      5000,
      async () => (await checkpoints.load('baskets-cdc')) === sink.changes[5]?.position,
    );
  });

  it('reconnects after the database restarts and resumes from its last accepted position', async () => {
    await db.sql('CREATE TABLE restocks (id INT PRIMARY KEY, qty INT)');
    const sink = new RecordingSink();
    const s = source({ name: 'restocks-cdc', filter: { tables: ['shop.restocks'] } });
    let errors = 0;
    s.events.on('error', () => errors++);
    let starts = 0;
    s.events.on('started', () => starts++);
    await s.start(sink);
    await db.sql('INSERT INTO restocks VALUES (1, 1)');
    await sink.waitForCount(1);

    await db.server.stop();
    await db.server.restart();
    await waitFor(
      'the source reconnected',
      20_000,
      () => starts >= 2 && s.status().state === 'running',
    );
    await db.sql('INSERT INTO restocks VALUES (2, 2)');
    await sink.waitForCount(2);
    expect(errors).toBeGreaterThan(0);
    expect(sink.changes.map((c) => c.key)).toEqual(['1', '2']);
  });
});
