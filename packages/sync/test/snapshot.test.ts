import { waitFor } from '@mallkit/internal-harness';
import { MemoryCheckpointStore } from '@mallkit/sync';
import { BinlogSource, SnapshotSource } from '@mallkit/sync/mysql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CdcDatabase,
  materialize,
  RecordingSink,
  startCdcDatabase,
  tableState,
} from './fixtures/mariadbCdc.js';

let db: CdcDatabase;

beforeAll(async () => {
  db = await startCdcDatabase('snapshot');
});

afterAll(async () => {
  await db?.close();
});

describe('SnapshotSource', () => {
  it('reads tables in primary-key chunks as of one instant, and hands its binlog position to the binlog source', async () => {
    await db.sql(
      'CREATE TABLE variants (product INT, size VARCHAR(5), qty INT, PRIMARY KEY (product, size))',
    );
    await db.sql('CREATE TABLE tags (label VARCHAR(10))');
    const values = [];
    for (let p = 1; p <= 20; p++)
      for (const size of ['S', 'M', 'L']) values.push(`(${p}, '${size}', ${p})`);
    await db.sql(`INSERT INTO variants VALUES ${values.join(', ')}`);
    await db.sql("INSERT INTO tags VALUES ('new'), ('sale'), ('new')");
    const checkpoints = new MemoryCheckpointStore();
    const snapshot = new SnapshotSource({
      pool: db.pool,
      tables: ['shop.variants', 'tags'],
      chunkSize: 7,
      checkpoints,
      continueAs: 'catalog-cdc',
    });
    const sink = new RecordingSink();
    const result = await snapshot.run(sink);

    expect(result).toMatchObject({ rows: 63, tables: { 'shop.variants': 60, 'shop.tags': 3 } });
    expect(Math.max(...sink.batches)).toBe(7);
    const variants = sink.of('shop.variants');
    expect(new Set(variants.map((c) => c.key)).size).toBe(60);
    expect(variants.slice(0, 3).map((c) => c.key)).toEqual(['1:L', '1:M', '1:S']);
    expect(variants[0]).toMatchObject({
      op: 'snapshot',
      source: 'snapshot',
      position: result.position,
      id: `snapshot:${result.position}:shop.variants:1:L`,
      after: { product: 1, size: 'L', qty: 1 },
    });
    expect(sink.of('shop.tags').map((c) => c.key)).toEqual(['shop.tags', 'shop.tags', 'shop.tags']);
    expect(await checkpoints.load('catalog-cdc')).toBe(result.position);

    // the binlog source continues exactly there
    await db.sql("UPDATE variants SET qty = 99 WHERE product = 1 AND size = 'S'");
    const binlog = new BinlogSource({
      connection: db.connection,
      pool: db.pool,
      checkpoints,
      name: 'catalog-cdc',
      filter: { tables: ['shop.variants'] },
    });
    await binlog.start(sink);
    await sink.waitForCount(64);
    await binlog.stop();
    expect(sink.changes.at(-1)).toMatchObject({ op: 'update', key: '1:S', after: { qty: 99 } });
  });

  it('loses no change made while the snapshot runs: snapshot + binlog continuation equals the table', async () => {
    await db.sql('CREATE TABLE items (id INT PRIMARY KEY, qty INT)');
    const rows = Array.from({ length: 300 }, (_, i) => `(${i + 1}, 1)`).join(', ');
    await db.sql(`INSERT INTO items VALUES ${rows}`);
    const sink = new RecordingSink();
    sink.hold(); // the snapshot stops at its first chunk, its transaction open
    const source = new BinlogSource({
      connection: db.connection,
      pool: db.pool,
      name: 'items-cdc',
      startAt: 'snapshot',
      snapshotChunkSize: 20,
      filter: { tables: ['shop.items'] },
    });
    const finished: string[] = [];
    source.events.on('snapshotFinished', ({ position }) => finished.push(position));
    const starting = source.start(sink);
    await waitFor('the snapshot is under way', 10_000, () => sink.calls > 0);

    // writes during the snapshot, to chunks already read and chunks still to come
    await db.sql('UPDATE items SET qty = 2 WHERE id IN (5, 250)');
    await db.sql('DELETE FROM items WHERE id = 280');
    await db.sql('INSERT INTO items VALUES (301, 3)');
    sink.open();
    await starting;
    expect(finished).toHaveLength(1);
    await db.sql('UPDATE items SET qty = 4 WHERE id = 7');
    await sink.waitForCount(300 + 4 + 1);
    await source.stop();

    const snapshotRows = sink.changes.filter((c) => c.op === 'snapshot');
    expect(snapshotRows).toHaveLength(300);
    // consistent: the snapshot shows the table as of its start
    expect(snapshotRows.find((c) => c.key === '250')?.after).toEqual({ id: 250, qty: 1 });
    expect(snapshotRows.some((c) => c.key === '301')).toBe(false);
    expect(sink.changes.slice(300).map((c) => `${c.op}:${c.key}`)).toEqual([
      'update:5',
      'update:250',
      'delete:280',
      'insert:301',
      'update:7',
    ]);
    expect(materialize(sink.changes).get('shop.items')).toEqual(await tableState(db, 'items'));
  });
});
