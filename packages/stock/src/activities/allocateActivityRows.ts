import type { SqlDialect } from '../dialect/SqlDialect.js';
import { StockError } from '../errors/StockError.js';
import type { RowMove } from '../ledger/RowMove.js';
import { recordMoves } from '../ledger/recordMoves.js';
import { applyRowDeltas } from '../levels/applyRowDeltas.js';
import { lockRows } from '../levels/lockRows.js';
import { claimOperation } from '../operations/claimOperation.js';
import { fingerprint } from '../orders/fingerprint.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';
import type { ActivityAllocation } from './ActivityAllocation.js';

/** Moves units from sellable into an activity's pool, once per (activity, SKU, warehouse). */
export async function allocateActivityRows(
  trx: StockTransaction,
  dialect: SqlDialect,
  allocation: ActivityAllocation & { shards: number; strategy: string },
  now: number,
): Promise<void> {
  const { activityId, sku, warehouse, quantity } = allocation;
  const key = `activity:${activityId}:${sku}:${warehouse}`;
  const print = fingerprint({ quantity, strategy: allocation.strategy });
  if (!(await claimOperation(trx, dialect, key, print, now))) return;
  const rows = await lockRows(trx, dialect, sku, warehouse, allocation.shards);
  const sellable = rows.map((r) => Math.max(0, r.physical - r.reserved - r.safety - r.activity));
  const total = sellable.reduce((a, b) => a + b, 0);
  if (total < quantity) {
    throw new StockError(
      'INSUFFICIENT_STOCK',
      `SKU "${sku}" has ${total} sellable in "${warehouse}"; activity "${activityId}" asked ${quantity}`,
    );
  }
  let left = quantity;
  const moves: RowMove[] = [];
  rows.forEach((r, i) => {
    const take = Math.min(left, sellable[i] as number);
    if (take <= 0) return;
    left -= take;
    moves.push({
      sku,
      warehouse,
      shard: r.shard,
      reason: 'activity',
      ref: activityId,
      physical: 0,
      reserved: 0,
      safety: 0,
      activity: take,
    });
  });
  await applyRowDeltas(trx, moves);
  await trx
    .insertInto('stock_activity')
    .values({
      activity_id: activityId,
      sku,
      warehouse,
      allocated: quantity,
      sold: 0,
      status: 'active',
      strategy: allocation.strategy,
    })
    .execute();
  await recordMoves(trx, moves, now);
}
