import { waitFor } from '@mallkit/internal-harness';
import { isSyncError, type SyncError } from '@mallkit/sync';
import { BinlogSource, type BinlogSourceOptions, MysqlCheckpointStore } from '@mallkit/sync/mysql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CdcDatabase, RecordingSink, startCdcDatabase } from './fixtures/mariadbCdc.js';

let db: CdcDatabase;
const running: BinlogSource[] = [];

beforeAll(async () => {
  db = await startCdcDatabase('binlog');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((source) => source.stop()));
});

afterAll(async () => {
  await db?.close();
});

async function start(
  sink: RecordingSink,
  options: Partial<BinlogSourceOptions> = {},
): Promise<BinlogSource> {
  const source = new BinlogSource({ connection: db.connection, pool: db.pool, ...options });
  running.push(source);
  await source.start(sink);
  return source;
}

async function refusal(options: Partial<BinlogSourceOptions> = {}): Promise<SyncError> {
  const source = new BinlogSource({ connection: db.connection, pool: db.pool, ...options });
  const error: unknown = await source.start(new RecordingSink()).catch((e: unknown) => e);
  if (!isSyncError(error)) throw new Error(`expected a SyncError, got ${String(error)}`);
  return error;
}

describe('BinlogSource on MariaDB 10.11 (ROW binlog)', () => {
  it('refuses to start when its checkpoint table (createTable: false) does not exist: SOURCE_MISCONFIGURED naming MysqlCheckpointStore.tableDdl', async () => {
    const checkpoints = new MysqlCheckpointStore({
      pool: db.pool,
      table: 'no_checkpoints',
      createTable: false,
    });
    const error = await refusal({ checkpoints });
    expect(error.code).toBe('SOURCE_MISCONFIGURED');
    expect(error.message).toMatch(
      /^checkpoint table no_checkpoints does not exist: create it with MysqlCheckpointStore\.tableDdl\('no_checkpoints'\)/,
    );
    expect((error.cause as { errno?: unknown }).errno).toBe(1146);

    await db.sql(MysqlCheckpointStore.tableDdl('no_checkpoints'));
    const source = await start(new RecordingSink(), { checkpoints });
    expect(source.status().state).toBe('running');
  });

  it('a checkpoint table dropped while in use (createTable on) fails one call with SOURCE_UNAVAILABLE and is created again by the next', async () => {
    const checkpoints = new MysqlCheckpointStore({ pool: db.pool, table: 'dropped_checkpoints' });
    await checkpoints.save('binlog', 'mariadb-bin.000001:4');
    await db.sql('DROP TABLE dropped_checkpoints');
    const error: unknown = await checkpoints.load('binlog').catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe('SOURCE_UNAVAILABLE');
    expect((error as Error).message).toMatch(/^checkpoint table dropped_checkpoints was dropped/);
    expect(await checkpoints.load('binlog')).toBeUndefined();
    await checkpoints.save('binlog', 'mariadb-bin.000001:120');
    expect(await checkpoints.load('binlog')).toBe('mariadb-bin.000001:120');
  });

  it('delivers inserts, updates and deletes with before/after images, keys and transaction-stable ids', async () => {
    await db.sql(
      'CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(10,2), stock INT)',
    );
    const sink = new RecordingSink();
    const source = await start(sink, { filter: { tables: ['shop.products'] } });
    const checkpoints: string[] = [];
    source.events.on('checkpoint', ({ position }) => checkpoints.push(position));

    const conn = await db.pool.getConnection();
    await conn.beginTransaction();
    await conn.query("INSERT INTO products VALUES (1, 'phone', 199.00, 10), (2, 'case', 9.90, 50)");
    await conn.query('UPDATE products SET stock = 9 WHERE id = 1');
    await conn.commit();
    conn.release();
    await db.sql('DELETE FROM products WHERE id = 2');
    await sink.waitForCount(4);

    const [a, b, c, d] = sink.changes;
    expect(sink.changes.map((x) => [x.op, x.key])).toEqual([
      ['insert', '1'],
      ['insert', '2'],
      ['update', '1'],
      ['delete', '2'],
    ]);
    expect(a).toMatchObject({
      source: 'binlog',
      table: 'shop.products',
      after: { id: 1, name: 'phone', price: '199.00', stock: 10 },
    });
    expect(a?.before).toBeUndefined();
    expect(c).toMatchObject({ before: { id: 1, stock: 10 }, after: { id: 1, stock: 9 } });
    expect(d).toMatchObject({ before: { id: 2, name: 'case' } });
    expect(d?.after).toBeUndefined();
    // one transaction: one id stem (file:start), row indexes 0..2, one commit position
    const stem = a?.id.replace(/:0$/, '');
    expect(sink.changes.slice(0, 3).map((x) => x.id)).toEqual([
      `${stem}:0`,
      `${stem}:1`,
      `${stem}:2`,
    ]);
    expect(new Set([a?.position, b?.position, c?.position]).size).toBe(1);
    expect(d?.id).not.toContain(stem);
    expect(new Set(sink.changes.map((x) => x.id)).size).toBe(4);
    // the checkpoint follows the accepted changes, at commit boundaries
    await waitFor('checkpoint of the last change', 5000, () =>
      checkpoints.includes(d?.position ?? '-'),
    );
    expect(source.status()).toMatchObject({ state: 'running', checkpoint: d?.position });
  });

  it('keys composite primary keys by their columns joined with ":"', async () => {
    await db.sql(
      'CREATE TABLE levels (warehouse VARCHAR(10), sku VARCHAR(20), qty INT, PRIMARY KEY (warehouse, sku))',
    );
    const sink = new RecordingSink();
    await start(sink, { filter: { tables: ['shop.levels'] } });
    await db.sql("INSERT INTO levels VALUES ('berlin', 'phone-128', 3)");
    await sink.waitForCount(1);
    expect(sink.changes[0]?.key).toBe('berlin:phone-128');
  });

  it('refuses MIXED format, a MINIMAL row image and NO_LOG row metadata with SOURCE_MISCONFIGURED naming the variable', async () => {
    const cases = [
      ['binlog_format', 'MIXED', 'ROW'],
      ['binlog_row_image', 'MINIMAL', 'FULL'],
      ['binlog_row_metadata', 'NO_LOG', 'FULL'],
    ] as const;
    for (const [variable, bad, good] of cases) {
      await db.sql(`SET GLOBAL ${variable} = '${bad}'`);
      try {
        const error = await refusal();
        expect(error.code).toBe('SOURCE_MISCONFIGURED');
        expect(error.message).toContain(`${variable} is ${bad}`);
        expect(error.message).toContain(`set ${variable}=${good}`);
      } finally {
        await db.sql(`SET GLOBAL ${variable} = '${good}'`);
      }
    }
  });

  it('survives ALTER TABLE while running: later rows carry the new column, the DDL is reported', async () => {
    await db.sql('CREATE TABLE skus (id INT PRIMARY KEY, name VARCHAR(20))');
    const sink = new RecordingSink();
    const source = await start(sink, { filter: { tables: ['shop.skus'] } });
    const ddl: string[] = [];
    source.events.on('ddl', ({ query }) => ddl.push(query));
    await db.sql("INSERT INTO skus VALUES (1, 'a')");
    await db.sql("ALTER TABLE skus ADD COLUMN color VARCHAR(10) NOT NULL DEFAULT 'red'");
    await db.sql("INSERT INTO skus VALUES (2, 'b', 'blue')");
    await db.sql("UPDATE skus SET color = 'green' WHERE id = 1");
    await db.sql('ALTER TABLE skus DROP COLUMN name');
    await db.sql("INSERT INTO skus VALUES (3, 'black')");
    await sink.waitForCount(4);
    expect(sink.changes.map((c) => c.after)).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b', color: 'blue' },
      { id: 1, name: 'a', color: 'green' },
      { id: 3, color: 'black' },
    ]);
    expect(sink.changes[2]?.before).toEqual({ id: 1, name: 'a', color: 'red' });
    expect(ddl.some((q) => q.includes('ADD COLUMN color'))).toBe(true);
    expect(source.status().state).toBe('running');
  });

  it('emits nothing for TRUNCATE (it logs no rows), reports it as DDL and goes on', async () => {
    await db.sql('CREATE TABLE carts (id INT PRIMARY KEY, qty INT)');
    const sink = new RecordingSink();
    const source = await start(sink, { filter: { tables: ['shop.carts'] } });
    const ddl: string[] = [];
    source.events.on('ddl', ({ query }) => ddl.push(query));
    await db.sql('INSERT INTO carts VALUES (1, 1), (2, 2), (3, 3)');
    await sink.waitForCount(3);
    await db.sql('TRUNCATE TABLE carts');
    await db.sql('INSERT INTO carts VALUES (9, 9)');
    await sink.waitForCount(4);
    expect(sink.changes.map((c) => `${c.op}:${c.key}`)).toEqual([
      'insert:1',
      'insert:2',
      'insert:3',
      'insert:9',
    ]);
    expect(ddl).toEqual(['TRUNCATE TABLE carts']);
  });

  it('applies table and column filters: other tables, excluded columns and updates of only them never arrive', async () => {
    await db.sql('CREATE TABLE prices (id INT PRIMARY KEY, price INT, cost INT, note VARCHAR(10))');
    await db.sql('CREATE TABLE audit (id INT PRIMARY KEY, what VARCHAR(10))');
    const sink = new RecordingSink();
    await start(sink, {
      filter: {
        tables: ['shop.prices', 'shop.audit'],
        excludeTables: ['shop.audit'],
        excludeColumns: { 'shop.prices': ['cost'], '*': ['note'] },
        predicate: (change) => change.key !== '13',
      },
    });
    await db.sql("INSERT INTO audit VALUES (1, 'x')");
    await db.sql("INSERT INTO prices VALUES (1, 10, 7, 'n'), (13, 1, 1, 'n')");
    await db.sql('UPDATE prices SET cost = 8 WHERE id = 1');
    await db.sql("UPDATE prices SET note = 'm' WHERE id = 1");
    await db.sql('UPDATE prices SET price = 11 WHERE id = 1');
    await sink.waitForCount(2);
    // a marker after everything: once it arrived, nothing else is in flight
    await db.sql('INSERT INTO prices VALUES (99, 0, 0, null)');
    await sink.waitForCount(3);
    expect(sink.changes.map((c) => [c.table, c.op, c.before, c.after])).toEqual([
      ['shop.prices', 'insert', undefined, { id: 1, price: 10 }],
      ['shop.prices', 'update', { id: 1, price: 10 }, { id: 1, price: 11 }],
      ['shop.prices', 'insert', undefined, { id: 99, price: 0 }],
    ]);
  });

  it('reports a change a session logged as a statement (no rows to capture) instead of losing it silently', async () => {
    await db.sql('CREATE TABLE rates (id INT PRIMARY KEY, rate INT)');
    const sink = new RecordingSink();
    const source = await start(sink, { filter: { tables: ['shop.rates'] } });
    const skipped: string[] = [];
    source.events.on('statementSkipped', ({ query }) => skipped.push(query));
    await db.sql('INSERT INTO rates VALUES (1, 1)');
    const conn = await db.pool.getConnection();
    try {
      await conn.query("SET SESSION binlog_format = 'STATEMENT'");
      await conn.query('UPDATE rates SET rate = 2 WHERE id = 1');
    } finally {
      await conn.query("SET SESSION binlog_format = 'ROW'");
      conn.release();
    }
    await db.sql('INSERT INTO rates VALUES (2, 2)');
    await sink.waitForCount(2);
    expect(sink.changes.map((c) => `${c.op}:${c.key}`)).toEqual(['insert:1', 'insert:2']);
    expect(skipped).toEqual(['UPDATE rates SET rate = 2 WHERE id = 1']);
  });

  it('follows a log rotation: later changes and the checkpoint name the new file', async () => {
    await db.sql('CREATE TABLE rotations (id INT PRIMARY KEY)');
    const sink = new RecordingSink();
    const source = await start(sink, {
      filter: { tables: ['shop.rotations'] },
      idleCheckpointMs: 50,
    });
    await db.sql('INSERT INTO rotations VALUES (1)');
    await sink.waitForCount(1);
    await db.sql('FLUSH BINARY LOGS');
    const [status] = await db.sql('SHOW MASTER STATUS');
    const file = String(status?.['File']);
    expect(sink.changes[0]?.id.startsWith(`${file}:`)).toBe(false);
    // with no change to publish, the idle checkpoint still moves into the new file
    await waitFor('checkpoint in the new file', 5000, () =>
      Boolean(source.status().checkpoint?.startsWith(`${file}:`)),
    );
    await db.sql('INSERT INTO rotations VALUES (2)');
    await sink.waitForCount(2);
    expect(sink.changes[1]?.id.startsWith(`${file}:`)).toBe(true);
    expect(sink.changes[1]?.position.startsWith(`${file}:`)).toBe(true);
  });

  it('stops reading while the sink is slow (bounded queue) and delivers everything in order once it catches up', async () => {
    await db.sql('CREATE TABLE burst (id INT PRIMARY KEY)');
    const sink = new RecordingSink();
    sink.hold();
    const source = await start(sink, {
      filter: { tables: ['shop.burst'] },
      maxBatchSize: 10,
      maxQueuedRows: 50,
    });
    let paused = 0;
    let resumed = 0;
    source.events.on('paused', () => paused++);
    source.events.on('resumed', () => resumed++);
    for (let t = 0; t < 100; t++) {
      const values = Array.from({ length: 5 }, (_, i) => `(${t * 5 + i})`).join(', ');
      await db.sql(`INSERT INTO burst VALUES ${values}`);
    }
    await waitFor('reading paused', 10_000, () => paused > 0);
    // every write is committed; the source holds at most its limit plus one event's rows
    expect(source.status().paused).toBe(true);
    expect(source.status().queuedRows).toBeLessThanOrEqual(55);
    sink.open();
    await sink.waitForCount(500);
    expect(sink.changes.map((c) => Number(c.key))).toEqual(
      Array.from({ length: 500 }, (_, i) => i),
    );
    expect(Math.max(...sink.batches)).toBeLessThanOrEqual(10);
    expect(resumed).toBeGreaterThan(0);
  });
});
