import type { AnyBinlogEvent } from '@vlasky/zongji';
import { describe, expect, it } from 'vitest';
import { BinlogDecoder } from './BinlogDecoder.js';

// Shapes as zongji 0.9 delivers them from MariaDB 10.11 (recorded from a real server).
function ev(type: string, nextPosition: number, fields: Record<string, unknown> = {}) {
  return {
    getTypeName: () => type,
    timestamp: 1000,
    nextPosition,
    size: 0,
    tableMap: {},
    ...fields,
  } as unknown as AnyBinlogEvent;
}

describe('BinlogDecoder', () => {
  it('yields rows with transaction-stable ids and commits at Xid', () => {
    const d = new BinlogDecoder('b.000001', 1325);
    const items = [
      ev('Rotate', 0, { binlogName: 'b.000001', position: 1325 }),
      ev('Format', 0),
      ev('MariadbGtid', 1367, { standalone: false }),
      ev('TableMap', 1504, {
        tableId: 18,
        schemaName: 'shop',
        tableName: 'p',
        columnNames: ['id', 'name'],
        primaryKey: [0],
      }),
      ev('WriteRows', 1556, { tableId: 18, rows: [{ id: 1 }, { id: 2 }] }),
      ev('UpdateRows', 1600, { tableId: 18, rows: [{ before: { id: 1 }, after: { id: 1 } }] }),
      ev('Xid', 1631),
    ].flatMap((e) => d.decode(e));
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'rows',
        op: 'insert',
        schema: 'shop',
        table: 'p',
        primaryKey: ['id'],
        transaction: { file: 'b.000001', offset: 1325 },
        firstIndex: 0,
      }),
      expect.objectContaining({ kind: 'rows', op: 'update', firstIndex: 2 }),
      { kind: 'commit', position: { file: 'b.000001', offset: 1631 }, at: 1000 },
    ]);
  });

  it('treats standalone statements as DDL boundaries and flags statement-format DML', () => {
    const d = new BinlogDecoder('b.000001', 4);
    const items = [
      ev('MariadbGtid', 100, { standalone: true }),
      ev('Query', 200, { schema: 'shop', query: 'ALTER TABLE p ADD c INT' }),
      ev('MariadbGtid', 242, { standalone: false }),
      ev('Query', 300, { schema: 'shop', query: 'UPDATE p SET c = 1' }),
      ev('Query', 340, { schema: 'shop', query: 'COMMIT' }),
    ].flatMap((e) => d.decode(e));
    expect(items.map((i) => i.kind)).toEqual(['ddl', 'statement', 'commit']);
    expect(items[0]).toMatchObject({ position: { offset: 200 } });
    expect(items[2]).toMatchObject({ position: { offset: 340 } });
  });

  it('follows MySQL BEGIN transactions and rotations between transactions', () => {
    const d = new BinlogDecoder('b.000001', 4);
    const items = [
      ev('AnonymousGtid', 50),
      ev('Query', 90, { schema: 's', query: 'BEGIN' }),
      ev('TableMap', 120, { tableId: 1, schemaName: 's', tableName: 't' }),
      ev('DeleteRows', 150, { tableId: 1, rows: [{ id: 9 }] }),
      ev('Xid', 180),
      ev('Rotate', 220, { binlogName: 'b.000002', position: 4 }),
    ].flatMap((e) => d.decode(e));
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'rows',
        op: 'delete',
        primaryKey: undefined,
        rows: [{ before: { id: 9 } }],
        transaction: { file: 'b.000001', offset: 4 },
      }),
      expect.objectContaining({ kind: 'commit', position: { file: 'b.000001', offset: 180 } }),
      expect.objectContaining({ kind: 'commit', position: { file: 'b.000002', offset: 4 } }),
    ]);
  });
});
