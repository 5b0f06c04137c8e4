import type { ConnectionOptions, Pool } from 'mysql2/promise';

/**
 * The user's pool, or a small one of our own made from `connection` (mysql2 is
 * imported only then); `own` says whether the caller must end it.
 * @internal
 */
export async function openPool(
  pool: Pool | undefined,
  connection: ConnectionOptions | string,
): Promise<{ pool: Pool; own: boolean }> {
  if (pool) return { pool, own: false };
  const { createPool } = await import('mysql2/promise');
  return {
    pool:
      typeof connection === 'string'
        ? createPool({ uri: connection, connectionLimit: 3 })
        : createPool({ ...connection, connectionLimit: 3 }),
    own: true,
  };
}
