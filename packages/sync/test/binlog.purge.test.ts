import { waitFor } from '@mallkit/internal-harness';
import { MemoryCheckpointStore, type SyncError } from '@mallkit/sync';
import { BinlogSource, type BinlogSourceEvents } from '@mallkit/sync/mysql';
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
  db = await startCdcDatabase('binlog-purge');
});

afterAll(async () => {
  await db?.close();
});

describe('BinlogSource with a purged checkpoint', () => {
  it('fails with POSITION_LOST by default, and with onPositionLost: snapshot re-snapshots loudly and continues consistently', async () => {
    await db.sql('CREATE TABLE stock (id INT PRIMARY KEY, qty INT)');
    await db.sql('INSERT INTO stock VALUES (1, 10), (2, 20), (3, 30)');
    const checkpoints = new MemoryCheckpointStore();
    const options = {
      connection: db.connection,
      pool: db.pool,
      checkpoints,
      name: 'stock-cdc',
      filter: { tables: ['shop.stock'] },
    };
    const consumer = new RecordingSink();
    const first = new BinlogSource({ ...options, startAt: 'snapshot' });
    await first.start(consumer);
    await db.sql('UPDATE stock SET qty = 11 WHERE id = 1');
    await consumer.waitForCount(4);
    await first.stop();
    const lost = await checkpoints.load('stock-cdc');

    // while it is down: changes, then the binlog holding them is purged
    await db.sql('DELETE FROM stock WHERE id = 2');
    await db.sql('INSERT INTO stock VALUES (4, 40)');
    await db.sql('FLUSH BINARY LOGS');
    await db.sql('UPDATE stock SET qty = 31 WHERE id = 3');
    await db.sql('FLUSH BINARY LOGS');
    const [status] = await db.sql('SHOW MASTER STATUS');
    // MariaDB defers purging a file until InnoDB flushed the transactions in it
    await waitFor('binlogs purged', 10_000, async () => {
      await db.sql(`PURGE BINARY LOGS TO '${String(status?.['File'])}'`);
      return (await db.sql('SHOW BINARY LOGS')).length === 1;
    });

    const refused = new BinlogSource(options);
    const seen: BinlogSourceEvents['positionLost'][] = [];
    refused.events.on('positionLost', (event) => seen.push(event));
    const error = (await refused.start(new RecordingSink()).catch((e: unknown) => e)) as SyncError;
    expect(error.code).toBe('POSITION_LOST');
    expect(error.message).toContain(lost);
    expect(seen).toEqual([
      { source: 'stock-cdc', position: lost, oldestFile: status?.['File'], action: 'fail' },
    ]);

    const recovering = new BinlogSource({ ...options, onPositionLost: 'snapshot' });
    const loud: string[] = [];
    recovering.events.on('positionLost', ({ action }) => loud.push(`lost:${action}`));
    recovering.events.on('snapshotStarted', ({ reason }) => loud.push(`snapshot:${reason}`));
    recovering.events.on('snapshotFinished', ({ rows }) => loud.push(`finished:${rows}`));
    await recovering.start(consumer);
    expect(loud).toEqual(['lost:snapshot', 'snapshot:positionLost', 'finished:3']);
    await db.sql('UPDATE stock SET qty = 41 WHERE id = 4');
    await db.sql('INSERT INTO stock VALUES (5, 50)');
    await consumer.waitForCount(4 + 3 + 2);
    await recovering.stop();

    // the consumer that applied everything in order holds exactly the table
    expect(materialize(consumer.changes).get('shop.stock')).toEqual(await tableState(db, 'stock'));
    expect(await checkpoints.load('stock-cdc')).toBe(consumer.changes.at(-1)?.position);
  });
});
