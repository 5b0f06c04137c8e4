import { waitFor } from '@mallkit/internal-harness';
import {
  CdcPipeline,
  type ChangeEvent,
  type MessageTransport,
  type OutgoingMessage,
} from '@mallkit/sync';
import {
  BinlogSource,
  compareBinlogPositions,
  createOutboxTable,
  MysqlCheckpointStore,
  OutboxSource,
  parseBinlogPosition,
  writeOutbox,
} from '@mallkit/sync/mysql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CdcDatabase, startCdcDatabase } from './fixtures/mariadbCdc.js';

/** The smallest MessageTransport: topics as arrays; `failing` makes publish reject like a Redis outage. */
class ArrayTransport implements MessageTransport {
  readonly topics = new Map<string, OutgoingMessage[]>();
  failing = false;

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (this.failing) throw new Error('transport down');
    this.topics.set(topic, [...(this.topics.get(topic) ?? []), ...messages]);
  }

  async subscribe(): Promise<never> {
    throw new Error('not used here');
  }

  count(): number {
    return [...this.topics.values()].reduce((n, list) => n + list.length, 0);
  }

  bodies(topic: string): ChangeEvent[] {
    return (this.topics.get(topic) ?? []).map((m) => JSON.parse(m.body) as ChangeEvent);
  }
}

let db: CdcDatabase;
const running: CdcPipeline[] = [];

beforeAll(async () => {
  db = await startCdcDatabase('pipeline');
  await db.sql('CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(20), secret VARCHAR(20))');
  await db.sql('CREATE TABLE orders (id INT PRIMARY KEY, total INT)');
  await db.sql('CREATE TABLE sessions (id INT PRIMARY KEY)');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
});

afterAll(async () => {
  await db?.close();
});

function binlog(name: string): BinlogSource {
  return new BinlogSource({
    connection: db.connection,
    pool: db.pool,
    name,
    checkpoints: new MysqlCheckpointStore({ pool: db.pool }),
    retryDelayMs: 50,
    maxRetryDelayMs: 200,
  });
}

describe('CdcPipeline', () => {
  it('binlog → filter → transport: a topic per table, keys and ids on the messages, status with position and lag', async () => {
    const transport = new ArrayTransport();
    const source = binlog('shop-cdc');
    const pipeline = new CdcPipeline({
      source,
      transport,
      filter: { tables: ['shop.products', 'shop.orders'], excludeColumns: { '*': ['secret'] } },
    });
    running.push(pipeline);
    const published: number[] = [];
    pipeline.events.on('published', ({ count }) => published.push(count));
    await pipeline.start();

    await db.sql("INSERT INTO products VALUES (1, 'phone', 's3cret')");
    await db.sql('INSERT INTO sessions VALUES (1)');
    await db.sql('INSERT INTO orders VALUES (7, 100)');
    await db.sql("UPDATE products SET name = 'phone 2' WHERE id = 1");
    await waitFor('3 messages', 10_000, () => transport.count() >= 3);

    expect([...transport.topics.keys()].sort()).toEqual(['shop.orders', 'shop.products']);
    const products = transport.topics.get('shop.products') ?? [];
    expect(products.map((m) => m.key)).toEqual(['1', '1']);
    const [insert, update] = transport.bodies('shop.products');
    expect(products[0]?.id).toBe(insert?.id);
    expect(insert).toMatchObject({ op: 'insert', after: { id: 1, name: 'phone' } });
    expect(update).toMatchObject({
      op: 'update',
      before: { name: 'phone' },
      after: { name: 'phone 2' },
    });
    expect(JSON.stringify(transport.bodies('shop.products'))).not.toContain('secret');
    expect(transport.topics.get('shop.orders')?.[0]?.key).toBe('7');

    const status = pipeline.status();
    expect(status).toMatchObject({
      state: 'running',
      source: 'shop-cdc',
      published: 3,
      failures: 0,
    });
    expect(status.lastPosition).toBe(update?.position);
    expect(status.lastChangeAt).toBe(update?.at);
    expect(status.lagMs).toBeGreaterThanOrEqual(0);
    expect(published.reduce((a, b) => a + b, 0)).toBe(3);
    // saved at (or, past the checkpoint table's own commits, after) the last change
    const last = parseBinlogPosition(update?.position ?? '');
    await waitFor('checkpoint saved', 5000, () => {
      const saved = parseBinlogPosition(source.status().checkpoint ?? '');
      return saved !== undefined && last !== undefined && compareBinlogPositions(saved, last) >= 0;
    });
  });

  it('transport outage: failures are reported, nothing is lost or reordered, the status clears once it is back', async () => {
    const transport = new ArrayTransport();
    const pipeline = new CdcPipeline({
      source: binlog('orders-cdc'),
      transport,
      filter: { tables: ['shop.orders'] },
      topic: (change) => `cdc.${change.table}`,
    });
    running.push(pipeline);
    let failed = 0;
    pipeline.events.on('publishFailed', () => failed++);
    await pipeline.start();
    transport.failing = true;
    for (let i = 100; i < 110; i++) await db.sql(`INSERT INTO orders VALUES (${i}, ${i})`);
    await waitFor('failed publishes', 10_000, () => failed >= 2);
    expect(pipeline.status().failures).toBeGreaterThanOrEqual(2);
    expect(pipeline.status().lastError).toBeInstanceOf(Error);

    transport.failing = false;
    await waitFor('10 messages', 10_000, () => transport.count() >= 10);
    expect((transport.topics.get('cdc.shop.orders') ?? []).map((m) => m.key)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(100 + i)),
    );
    expect(pipeline.status().lastError).toBeUndefined();
  });

  it('relays an outbox: the row topic is the message topic, the aggregate key the message key', async () => {
    await createOutboxTable(db.pool);
    const transport = new ArrayTransport();
    const pipeline = new CdcPipeline({
      source: new OutboxSource({ pool: db.pool, pollIntervalMs: 20 }),
      transport,
    });
    running.push(pipeline);
    await pipeline.start();
    const conn = await db.pool.getConnection();
    await conn.beginTransaction();
    await conn.query('UPDATE orders SET total = 1 WHERE id = 7');
    await writeOutbox(conn, [
      { topic: 'order-events', key: '7', payload: { type: 'OrderPaid', total: 1 } },
    ]);
    await conn.commit();
    conn.release();
    await waitFor('the event', 10_000, () => transport.count() >= 1);
    expect(transport.topics.get('order-events')?.[0]).toMatchObject({ key: '7', id: 'outbox:1' });
    expect(transport.bodies('order-events')[0]?.after).toEqual({ type: 'OrderPaid', total: 1 });
  });
});
