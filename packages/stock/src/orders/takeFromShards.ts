import { sql } from 'kysely';
import type { SqlDialect } from '../dialect/SqlDialect.js';
import type { RowTaker } from '../strategies/RowTaker.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';
import type { PlannedPart } from './PlannedPart.js';

/** Units taken from one shard. */
export interface ShardTake {
  shard: number;
  quantity: number;
}

/**
 * Takes a part's units from its SKU's shards: first from one shard picked at
 * random (so concurrent buyers spread over the rows), then from each other
 * shard in turn, and only then gathers the units from several shards under
 * their row locks. `null` when all shards together have too few.
 */
export async function takeFromShards(
  trx: StockTransaction,
  dialect: SqlDialect,
  taker: RowTaker,
  part: PlannedPart,
  startShard: number,
): Promise<ShardTake[] | null> {
  const pool = part.activityId === undefined ? 'sellable' : 'activity';
  const row = { sku: part.sku, warehouse: part.warehouse, shard: 0 };
  for (let i = 0; i < part.shards; i++) {
    row.shard = (startShard + i) % part.shards;
    if (await taker.take(trx, row, part.quantity, pool)) {
      return [{ shard: row.shard, quantity: part.quantity }];
    }
  }
  if (part.shards === 1) return null;
  const available =
    pool === 'sellable'
      ? sql<number>`physical - reserved - safety - activity`
      : sql<number>`activity`;
  const rows = await trx
    .selectFrom('stock_level')
    .select(['shard', available.as('available')])
    .where('sku', '=', part.sku)
    .where('warehouse', '=', part.warehouse)
    .orderBy('shard')
    .$if(dialect.rowLocks, (q) => q.forUpdate())
    .execute();
  const takes: ShardTake[] = [];
  let left = part.quantity;
  for (const r of rows) {
    const take = Math.min(left, Number(r.available));
    if (take <= 0) continue;
    if (!(await taker.take(trx, { ...row, shard: r.shard }, take, pool))) return null;
    takes.push({ shard: r.shard, quantity: take });
    left -= take;
    if (left === 0) return takes;
  }
  return null;
}
