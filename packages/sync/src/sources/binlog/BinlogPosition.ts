/**
 * A place in the binary log: a file name and a byte offset in it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type BinlogPosition, formatBinlogPosition, parseBinlogPosition } from '@mallkit/sync/mysql';
 *
 * // e.g. what `SHOW BINARY LOG STATUS` (MariaDB: `SHOW MASTER STATUS`) reports
 * const position: BinlogPosition = { file: 'mariadb-bin.000003', offset: 4711 };
 * const text = formatBinlogPosition(position); // the form checkpoints and ChangeEvent.position use
 * assert.equal(text, 'mariadb-bin.000003:4711');
 * assert.deepEqual(parseBinlogPosition(text), position);
 * ```
 *
 * @group Sources
 */
export interface BinlogPosition {
  /** The binlog file, e.g. `'mariadb-bin.000003'`. */
  file: string;
  /** Byte offset in the file; 4 is the first event. */
  offset: number;
}

/**
 * `'mariadb-bin.000003:4711'`: the checkpoint and change-position form of a {@link BinlogPosition}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { formatBinlogPosition, MysqlCheckpointStore } from '@mallkit/sync/mysql';
 * import { createPool } from 'mysql2/promise';
 *
 * // Start a BinlogSource at a position you know: save it as the source's checkpoint.
 * const pool = createPool({ uri: process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' });
 * const checkpoints = new MysqlCheckpointStore({ pool, table: 'doc_format_binlog_position' });
 * const position = formatBinlogPosition({ file: 'mariadb-bin.000003', offset: 4711 });
 * await checkpoints.save('binlog', position);
 * assert.equal(await checkpoints.load('binlog'), 'mariadb-bin.000003:4711');
 * await pool.query('DROP TABLE doc_format_binlog_position');
 * await pool.end();
 * ```
 *
 * @group Sources
 */
export function formatBinlogPosition(position: BinlogPosition): string {
  return `${position.file}:${position.offset}`;
}

/**
 * Reads `'file:offset'` back; `undefined` when `text` is not one.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { parseBinlogPosition } from '@mallkit/sync/mysql';
 *
 * // a checkpoint, or the `position` of a ChangeEvent of a BinlogSource or SnapshotSource
 * assert.deepEqual(parseBinlogPosition('mariadb-bin.000003:4711'), {
 *   file: 'mariadb-bin.000003',
 *   offset: 4711,
 * });
 * assert.equal(parseBinlogPosition('4711'), undefined); // not 'file:offset'
 * assert.equal(parseBinlogPosition('mariadb-bin.000003:0'), undefined); // offsets start at 4
 * ```
 *
 * @group Sources
 */
export function parseBinlogPosition(text: string): BinlogPosition | undefined {
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const offset = Number(text.slice(colon + 1));
  if (!Number.isSafeInteger(offset) || offset < 4) return undefined;
  return { file: text.slice(0, colon), offset };
}

/**
 * Orders two positions of one server: by the file's numeric suffix (binlog files
 * are numbered), then by offset. Negative when `a` comes first.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { compareBinlogPositions, parseBinlogPosition } from '@mallkit/sync/mysql';
 *
 * const checkpoint = parseBinlogPosition('mariadb-bin.000009:98765');
 * const oldestKept = parseBinlogPosition('mariadb-bin.000010:4'); // after a PURGE BINARY LOGS
 * assert.ok(checkpoint && oldestKept);
 * // files are numbered, then offsets: this checkpoint was purged, a snapshot is needed
 * assert.ok(compareBinlogPositions(checkpoint, oldestKept) < 0);
 * assert.equal(compareBinlogPositions({ file: 'mariadb-bin.000010', offset: 4 }, oldestKept), 0);
 * ```
 *
 * @group Sources
 */
export function compareBinlogPositions(a: BinlogPosition, b: BinlogPosition): number {
  if (a.file !== b.file) {
    const sa = suffix(a.file);
    const sb = suffix(b.file);
    return sa !== sb ? sa - sb : a.file < b.file ? -1 : 1;
  }
  return a.offset - b.offset;
}

function suffix(file: string): number {
  const match = /\.(\d+)$/.exec(file);
  return match?.[1] ? Number(match[1]) : -1;
}
