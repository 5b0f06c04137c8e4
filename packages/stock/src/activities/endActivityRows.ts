import type { SqlDialect } from '../dialect/SqlDialect.js';
import type { RowMove } from '../ledger/RowMove.js';
import { recordMoves } from '../ledger/recordMoves.js';
import { applyRowDeltas } from '../levels/applyRowDeltas.js';
import { lockRows } from '../levels/lockRows.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';

/**
 * Ends an activity: its unsold units go back to sellable stock. Units sold and
 * later released go to sellable stock too. Ending twice changes nothing.
 * Returns the units given back.
 */
export async function endActivityRows(
  trx: StockTransaction,
  dialect: SqlDialect,
  activityId: string,
  shardsOf: (sku: string) => number,
  now: number,
): Promise<number> {
  const active = await trx
    .selectFrom('stock_activity')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('status', '=', 'active')
    .orderBy('sku')
    .orderBy('warehouse')
    .$if(dialect.rowLocks, (q) => q.forUpdate())
    .execute();
  let returned = 0;
  const moves: RowMove[] = [];
  for (const a of active) {
    await trx
      .updateTable('stock_activity')
      .set({ status: 'ended' })
      .where('activity_id', '=', activityId)
      .where('sku', '=', a.sku)
      .where('warehouse', '=', a.warehouse)
      .execute();
    let left = Number(a.allocated) - Number(a.sold);
    returned += left;
    const rows = await lockRows(trx, dialect, a.sku, a.warehouse, shardsOf(a.sku));
    for (const r of rows) {
      const take = Math.min(left, r.activity);
      if (take <= 0) continue;
      left -= take;
      moves.push({
        sku: a.sku,
        warehouse: a.warehouse,
        shard: r.shard,
        reason: 'activity',
        ref: activityId,
        physical: 0,
        reserved: 0,
        safety: 0,
        activity: -take,
      });
    }
  }
  await applyRowDeltas(trx, moves);
  await recordMoves(trx, moves, now);
  return returned;
}
