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
 * random (so concurrent buyers spread over the rows); if that one is short,
 * reads every shard without locking and tries only those that look like they
 * have enough, and only then gathers the units from several shards under their
 * row locks. Trying sold-out shards blindly would pile up row locks on them and
 * deadlock buyers against each other. `null` when all shards together have too few.
 */
export async function takeFromShards(
  trx: StockTransaction,
  dialect: SqlDialect,
  taker: RowTaker,
  part: PlannedPart,
  startShard: number,
): Promise<ShardTake[] | null> {
  const pool = part.activityId === undefined ? 'sellable' : 'activity';
  const row = { sku: part.sku, warehouse: part.warehouse, shard: startShard };
  if (await taker.take(trx, row, part.quantity, pool)) {
    return [{ shard: startShard, quantity: part.quantity }];
  }
  if (part.shards === 1) return null;
  const available =
    pool === 'sellable'
      ? sql<number>`physical - reserved - safety - activity`
      : sql<number>`activity`;
  const read = (lock: boolean) =>
    trx
      .selectFrom('stock_level')
      .select(['shard', available.as('available')])
      .where('sku', '=', part.sku)
      .where('warehouse', '=', part.warehouse)
      .orderBy('shard')
      .$if(lock && dialect.rowLocks, (q) => q.forUpdate())
      .execute();
  const seen = (await read(false)).map((r) => ({
    shard: Number(r.shard),
    available: Number(r.available),
  }));
  const rotated = [...seen].sort(
    (a, b) =>
      ((a.shard - startShard + part.shards) % part.shards) -
      ((b.shard - startShard + part.shards) % part.shards),
  );
  for (const r of rotated) {
    if (r.shard === startShard || r.available < part.quantity) continue;
    if (await taker.take(trx, { ...row, shard: r.shard }, part.quantity, pool)) {
      return [{ shard: r.shard, quantity: part.quantity }];
    }
  }
  if (seen.reduce((n, r) => n + Math.max(0, r.available), 0) < part.quantity) return null;
  const takes: ShardTake[] = [];
  let left = part.quantity;
  for (const r of await read(true)) {
    const take = Math.min(left, Number(r.available));
    if (take <= 0) continue;
    if (!(await taker.take(trx, { ...row, shard: Number(r.shard) }, take, pool))) return null;
    takes.push({ shard: Number(r.shard), quantity: take });
    left -= take;
    if (left === 0) return takes;
  }
  return null;
}
