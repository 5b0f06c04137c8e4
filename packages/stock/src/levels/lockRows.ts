import type { SqlDialect } from '../dialect/SqlDialect.js';
import type { LevelTable } from '../schema/StockDatabase.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';

/**
 * Makes sure a SKU has its `shards` rows in a warehouse and returns them all,
 * locked, in shard order: what admin writes (restock, counts, activities)
 * start from.
 */
export async function lockRows(
  trx: StockTransaction,
  dialect: SqlDialect,
  sku: string,
  warehouse: string,
  shards: number,
): Promise<LevelTable[]> {
  const read = () =>
    trx
      .selectFrom('stock_level')
      .selectAll()
      .where('sku', '=', sku)
      .where('warehouse', '=', warehouse)
      .orderBy('shard')
      .$if(dialect.rowLocks, (q) => q.forUpdate())
      .execute();
  let rows = await read();
  if (rows.length < shards) {
    const have = new Set(rows.map((r) => Number(r.shard)));
    for (let shard = 0; shard < shards; shard++) {
      if (have.has(shard)) continue;
      try {
        await trx
          .insertInto('stock_level')
          .values({
            sku,
            warehouse,
            shard,
            physical: 0,
            reserved: 0,
            safety: 0,
            activity: 0,
            version: 0,
            fence: 0,
          })
          .execute();
      } catch (error) {
        if (!dialect.isDuplicateKey(error)) throw error;
      }
    }
    rows = await read();
  }
  return rows.map((r) => ({
    ...r,
    shard: Number(r.shard),
    physical: Number(r.physical),
    reserved: Number(r.reserved),
    safety: Number(r.safety),
    activity: Number(r.activity),
  }));
}
