import { describe, expect, it } from 'vitest';
import {
  compareBinlogPositions,
  formatBinlogPosition,
  parseBinlogPosition,
} from './BinlogPosition.js';

describe('BinlogPosition', () => {
  it('formats and parses file:offset', () => {
    expect(formatBinlogPosition({ file: 'mariadb-bin.000003', offset: 4711 })).toBe(
      'mariadb-bin.000003:4711',
    );
    expect(parseBinlogPosition('mariadb-bin.000003:4711')).toEqual({
      file: 'mariadb-bin.000003',
      offset: 4711,
    });
    expect(parseBinlogPosition('no-offset')).toBeUndefined();
    expect(parseBinlogPosition('f:1')).toBeUndefined();
    expect(parseBinlogPosition('f:x')).toBeUndefined();
  });

  it('orders by file number, then offset', () => {
    const p = (text: string) => parseBinlogPosition(text) ?? { file: '', offset: 0 };
    expect(compareBinlogPositions(p('b.000002:4'), p('b.000010:4'))).toBeLessThan(0);
    expect(compareBinlogPositions(p('b.000010:900'), p('b.000010:4'))).toBeGreaterThan(0);
    expect(compareBinlogPositions(p('b.000001:77'), p('b.000001:77'))).toBe(0);
  });
});
