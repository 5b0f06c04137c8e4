import { StockError } from '../errors/StockError.js';
import type { RowMove } from '../ledger/RowMove.js';
import { recordMoves } from '../ledger/recordMoves.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';
import { compareParts } from './compareParts.js';

/** What settling does to a reservation. */
export type Settlement = 'confirmed' | 'released' | 'expired';

/**
 * Moves a reservation out of `reserved`, exactly once: the status change is a
 * compare-and-set on the order row, so of two concurrent calls (or two sweeper
 * nodes) one settles and the other sees 0 rows and returns `false`.
 * Confirming takes the units out of physical stock (they belong to the
 * shipment now); releasing returns them to sellable stock, or to their
 * flash-sale activity while it runs. A confirmation the physical stock cannot
 * cover (a count came in below the reserved units: the `shortfall` event) throws
 * `INSUFFICIENT_STOCK`, and the transaction rolls back: the order stays reserved.
 */
export async function settleOrder(
  trx: StockTransaction,
  orderNo: string,
  to: Settlement,
  now: number,
): Promise<boolean> {
  const claimed = await trx
    .updateTable('stock_order')
    .set({ status: to, expires_at: null, updated_at: now })
    .where('order_no', '=', orderNo)
    .where('status', '=', 'reserved')
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) return false;
  const parts = (
    await trx.selectFrom('stock_deduction').selectAll().where('order_no', '=', orderNo).execute()
  ).sort(compareParts);
  const moves: RowMove[] = [];
  for (const p of parts) {
    const quantity = Number(p.quantity);
    let backToActivity = false;
    if (to !== 'confirmed' && p.activity_id !== '') {
      const returned = await trx
        .updateTable('stock_activity')
        .set((eb) => ({ sold: eb('sold', '-', quantity) }))
        .where('activity_id', '=', p.activity_id)
        .where('sku', '=', p.sku)
        .where('warehouse', '=', p.warehouse)
        .where('status', '=', 'active')
        .executeTakeFirst();
      backToActivity = returned.numUpdatedRows > 0n;
    }
    const physical = to === 'confirmed' ? -quantity : 0;
    const activity = backToActivity ? quantity : 0;
    const moved = await trx
      .updateTable('stock_level')
      .set((eb) => ({
        reserved: eb('reserved', '-', quantity),
        physical: eb('physical', '+', physical),
        activity: eb('activity', '+', activity),
        version: eb('version', '+', 1),
      }))
      .where('sku', '=', p.sku)
      .where('warehouse', '=', p.warehouse)
      .where('shard', '=', p.shard)
      .where('physical', '>=', -physical)
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) {
      throw new StockError(
        'INSUFFICIENT_STOCK',
        `cannot confirm order "${orderNo}": physical stock of "${p.sku}" in "${p.warehouse}" is below the ${quantity} units it reserved (a count came in short); restock or recount, then confirm again`,
      );
    }
    moves.push({
      sku: p.sku,
      warehouse: p.warehouse,
      shard: Number(p.shard),
      reason: to === 'confirmed' ? 'confirm' : to === 'expired' ? 'expire' : 'release',
      ref: orderNo,
      physical,
      reserved: -quantity,
      safety: 0,
      activity,
    });
  }
  await recordMoves(trx, moves, now);
  return true;
}
