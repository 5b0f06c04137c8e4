import type { RowMove } from '../ledger/RowMove.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';

/** Applies moves to their rows (already locked by the caller); the ledger is written separately. */
export async function applyRowDeltas(
  trx: StockTransaction,
  moves: readonly RowMove[],
): Promise<void> {
  for (const m of moves) {
    if (m.physical === 0 && m.reserved === 0 && m.safety === 0 && m.activity === 0) continue;
    await trx
      .updateTable('stock_level')
      .set((eb) => ({
        physical: eb('physical', '+', m.physical),
        reserved: eb('reserved', '+', m.reserved),
        safety: eb('safety', '+', m.safety),
        activity: eb('activity', '+', m.activity),
        version: eb('version', '+', 1),
      }))
      .where('sku', '=', m.sku)
      .where('warehouse', '=', m.warehouse)
      .where('shard', '=', m.shard)
      .execute();
  }
}
