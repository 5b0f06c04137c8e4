import type { Pool, PoolConnection, RowDataPacket } from 'mysql2/promise';

/** The primary key columns of `schema.table` in key order, from information_schema (`[]` when it has none). @internal */
export async function primaryKeyColumns(
  db: Pool | PoolConnection,
  schema: string,
  table: string,
): Promise<string[]> {
  const [rows] = await db.query<RowDataPacket[]>(
    `SELECT COLUMN_NAME AS name FROM information_schema.STATISTICS
     WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY'
     ORDER BY SEQ_IN_INDEX`,
    [schema, table],
  );
  return rows.map((row) => String(row['name']));
}

/** Primary key columns per table, looked up once; {@link PrimaryKeyCache.clear} after DDL. @internal */
export class PrimaryKeyCache {
  readonly #columns = new Map<string, readonly string[]>();

  async get(db: Pool, schema: string, table: string): Promise<readonly string[]> {
    const name = `${schema}.${table}`;
    let columns = this.#columns.get(name);
    if (!columns) {
      columns = await primaryKeyColumns(db, schema, table);
      this.#columns.set(name, columns);
    }
    return columns;
  }

  clear(): void {
    this.#columns.clear();
  }
}
