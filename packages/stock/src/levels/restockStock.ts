import { adjustRows } from '../levels/adjustRows.js';
import type { Restock } from '../levels/StockAdjustment.js';
import { spread } from '../levels/spread.js';
import { claimOperation } from '../operations/claimOperation.js';
import { fingerprint } from '../orders/fingerprint.js';
import type { StockContext } from '../service/StockContext.js';
import { requireCount, requireName } from '../service/validateInput.js';
import { runTransaction } from '../transactions/runTransaction.js';

/** Adds received units to physical stock, once per `receiptNo`. */
export async function restockStock(ctx: StockContext, restock: Restock): Promise<void> {
  const quantity = requireCount('quantity', restock?.quantity, 1);
  const receiptNo = requireName('receiptNo', restock.receiptNo);
  const info = await ctx.locate(restock.sku, restock.warehouse);
  let applied = false;
  await runTransaction(ctx.db, ctx.dialect, async (trx) => {
    const print = fingerprint({ sku: info.sku, warehouse: restock.warehouse, quantity });
    applied = await claimOperation(trx, ctx.dialect, `receipt:${receiptNo}`, print, ctx.now());
    if (!applied) return;
    await adjustRows(
      trx,
      ctx.dialect,
      { ...ctx.target(info, restock.warehouse), reason: 'restock', ref: receiptNo },
      'physical',
      (rows) => {
        const add = spread(
          quantity,
          rows.map(() => 0),
        );
        return rows.map((r, i) => r.physical + (add[i] as number));
      },
      ctx.now(),
    );
  });
  if (applied)
    ctx.events.emit('restocked', {
      sku: info.sku,
      warehouse: restock.warehouse,
      delta: quantity,
      reason: 'restock',
    });
  await ctx.afterWrite([info]);
}
