import { describe, expect, it } from 'vitest';
import { BinlogBatch } from './BinlogBatch.js';
import type { BinlogItem } from './BinlogItem.js';
import { BinlogQueue } from './BinlogQueue.js';

const rows = (n: number, firstIndex = 0): Extract<BinlogItem, { kind: 'rows' }> => ({
  kind: 'rows',
  op: 'insert',
  schema: 's',
  table: 't',
  primaryKey: ['id'],
  rows: Array.from({ length: n }, (_, i) => ({ after: { id: firstIndex + i } })),
  at: 1,
  transaction: { file: 'b.000001', offset: 100 },
  firstIndex,
});

describe('BinlogQueue', () => {
  it('pauses above the limit and resumes at half of it', () => {
    const log: string[] = [];
    const queue = new BinlogQueue(
      10,
      (n) => log.push(`pause ${n}`),
      () => log.push('resume'),
    );
    queue.push([rows(6), rows(6)]);
    expect(log).toEqual(['pause 12']);
    expect(queue.paused).toBe(true);
    queue.shift();
    expect(queue.rows).toBe(6);
    expect(log).toEqual(['pause 12']);
    queue.shift();
    expect(log).toEqual(['pause 12', 'resume']);
    expect(queue.empty).toBe(true);
    expect(queue.shift()).toBeUndefined();
  });

  it('keeps order across compactions', () => {
    const queue = new BinlogQueue(
      1e9,
      () => {},
      () => {},
    );
    for (let i = 0; i < 3000; i++)
      queue.push([{ kind: 'commit', position: { file: 'f', offset: i + 4 }, at: 0 }]);
    const offsets: number[] = [];
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (item.kind === 'commit') offsets.push(item.position.offset);
    }
    expect(offsets).toEqual(Array.from({ length: 3000 }, (_, i) => i + 4));
  });
});

describe('BinlogBatch', () => {
  it('gives rows the transaction start as position until the commit, then the commit position', () => {
    const batch = new BinlogBatch();
    batch.addRows(rows(2), ['id'], 'binlog');
    expect(batch.complete).toBe(false);
    batch.commit({ file: 'b.000001', offset: 300 });
    batch.addRows(rows(1, 0), ['id'], 'binlog');
    const changes = batch.take();
    expect(changes.map((c) => [c.id, c.key, c.position])).toEqual([
      ['b.000001:100:0', '0', 'b.000001:300'],
      ['b.000001:100:1', '1', 'b.000001:300'],
      ['b.000001:100:0', '0', 'b.000001:100'],
    ]);
    expect(batch.committed).toEqual({ file: 'b.000001', offset: 300 });
    expect(batch.size).toBe(0);
    expect(batch.complete).toBe(true);
  });
});
