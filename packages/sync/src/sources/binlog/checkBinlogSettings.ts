import type { Pool, RowDataPacket } from 'mysql2/promise';
import { SyncError } from '../../errors/SyncError.js';

const REQUIRED: readonly (readonly [string, string, string])[] = [
  ['log_bin', 'ON', 'binary logging is off: start the server with --log-bin'],
  [
    'binlog_format',
    'ROW',
    "set binlog_format=ROW (SET GLOBAL binlog_format='ROW' and in the server's config): in MIXED or STATEMENT format changes arrive as statements without rows",
  ],
  [
    'binlog_row_image',
    'FULL',
    "set binlog_row_image=FULL (SET GLOBAL binlog_row_image='FULL' and in the config) so updates and deletes carry complete before and after images",
  ],
  [
    'binlog_row_metadata',
    'FULL',
    "set binlog_row_metadata=FULL (SET GLOBAL binlog_row_metadata='FULL' and in the config) so row events carry their column names; without them an ALTER TABLE made while the source was stopped makes the next rows undecodable",
  ],
];

/**
 * Refuses, with SOURCE_MISCONFIGURED naming every variable to change, a server
 * whose binlog cannot feed a BinlogSource faithfully. Reads the GLOBAL values,
 * which sessions inherit when they connect.
 * @internal
 */
export async function checkBinlogSettings(pool: Pool): Promise<void> {
  let rows: RowDataPacket[];
  try {
    [rows] = await pool.query<RowDataPacket[]>(
      `SHOW GLOBAL VARIABLES WHERE Variable_name IN (${REQUIRED.map(() => '?').join(', ')})`,
      REQUIRED.map(([name]) => name),
    );
  } catch (error) {
    throw new SyncError(
      'SOURCE_UNAVAILABLE',
      `binlog source: cannot read the server's binlog settings: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const values = new Map(
    rows.map((row) => [String(row['Variable_name']).toLowerCase(), String(row['Value'])]),
  );
  const problems: string[] = [];
  for (const [name, wanted, fix] of REQUIRED) {
    const value = values.get(name);
    if (value === undefined) {
      problems.push(
        `${name} is not supported by this server (MariaDB >= 10.5 or MySQL >= 8.0.1 needed)`,
      );
    } else if (value.toUpperCase() !== wanted && !(name === 'log_bin' && value === '1')) {
      problems.push(`${name} is ${value}: ${fix}`);
    }
  }
  if (problems.length > 0) {
    throw new SyncError(
      'SOURCE_MISCONFIGURED',
      `binlog source: the server's binlog cannot be captured: ${problems.join('; ')}`,
    );
  }
}

/** The binlog files the server still has, oldest first (`SHOW BINARY LOGS`). @internal */
export async function binaryLogs(pool: Pool): Promise<string[]> {
  const [rows] = await pool.query<RowDataPacket[]>('SHOW BINARY LOGS');
  return rows.map((row) => String(row['Log_name']));
}

/** The position new transactions will be written at (`SHOW MASTER STATUS`). @internal */
export async function binlogEnd(pool: Pool): Promise<{ file: string; offset: number }> {
  let rows: RowDataPacket[];
  try {
    [rows] = await pool.query<RowDataPacket[]>('SHOW BINARY LOG STATUS');
  } catch {
    [rows] = await pool.query<RowDataPacket[]>('SHOW MASTER STATUS');
  }
  const file = rows[0]?.['File'];
  const offset = Number(rows[0]?.['Position']);
  if (typeof file !== 'string' || !(offset >= 4)) {
    throw new SyncError(
      'SOURCE_MISCONFIGURED',
      'binlog source: the server reports no binlog position',
    );
  }
  return { file, offset };
}
