import type { PoolConnection, RowDataPacket } from 'mysql2/promise';
import { SyncError } from '../../errors/SyncError.js';
import type { BinlogPosition } from '../binlog/BinlogPosition.js';

/**
 * Starts a REPEATABLE READ transaction with a consistent snapshot on `connection`
 * and returns the binlog position that snapshot corresponds to. MariaDB reports
 * it exactly, without locks (`binlog_snapshot_file/position`); MySQL needs a
 * brief `FLUSH TABLES WITH READ LOCK` around the start (RELOAD privilege).
 * @internal
 */
export async function openConsistentSnapshot(connection: PoolConnection): Promise<BinlogPosition> {
  const [version] = await connection.query<RowDataPacket[]>('SELECT VERSION() AS v');
  const mariadb = /mariadb/i.test(String(version[0]?.['v']));
  await connection.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
  if (mariadb) {
    await connection.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    const [status] = await connection.query<RowDataPacket[]>(
      "SHOW STATUS LIKE 'binlog_snapshot_%'",
    );
    const value = (name: string) =>
      status.find((row) => String(row['Variable_name']).toLowerCase() === name)?.['Value'];
    const file = value('binlog_snapshot_file');
    const offset = Number(value('binlog_snapshot_position'));
    if (typeof file === 'string' && file !== '' && offset >= 4) return { file, offset };
    await connection.query('ROLLBACK');
    throw misconfigured();
  }
  await connection.query('FLUSH TABLES WITH READ LOCK');
  try {
    await connection.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    let rows: RowDataPacket[];
    try {
      [rows] = await connection.query<RowDataPacket[]>('SHOW BINARY LOG STATUS');
    } catch {
      [rows] = await connection.query<RowDataPacket[]>('SHOW MASTER STATUS');
    }
    const file = rows[0]?.['File'];
    const offset = Number(rows[0]?.['Position']);
    if (typeof file !== 'string' || file === '' || !(offset >= 4)) throw misconfigured();
    return { file, offset };
  } finally {
    await connection.query('UNLOCK TABLES');
  }
}

function misconfigured(): SyncError {
  return new SyncError(
    'SOURCE_MISCONFIGURED',
    'the server reports no binlog position for the snapshot: binary logging is off (start it with --log-bin)',
  );
}
