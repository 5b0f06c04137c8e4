import { settleOrder } from '../orders/settleOrder.js';
import type { StockContext } from '../service/StockContext.js';
import { runTransaction } from '../transactions/runTransaction.js';

/**
 * Releases reservations whose time ran out, up to `limit` of them, and
 * returns how many. Safe to run on several nodes at once: MySQL skips rows
 * another node is sweeping, and each release is a compare-and-set, so no
 * reservation is released twice.
 */
export async function sweepExpired(ctx: StockContext, limit: number): Promise<number> {
  const now = ctx.now();
  const released = await runTransaction(ctx.db, ctx.dialect, async (trx) => {
    const due = await trx
      .selectFrom('stock_order')
      .select('order_no')
      .where('status', '=', 'reserved')
      .where('expires_at', '<=', now)
      .orderBy('expires_at')
      .limit(limit)
      .$if(ctx.dialect.skipLocked, (q) => q.forUpdate().skipLocked())
      .execute();
    const done: string[] = [];
    for (const { order_no } of due)
      if (await settleOrder(trx, order_no, 'expired', now)) done.push(order_no);
    return done;
  });
  for (const orderNo of released) ctx.events.emit('released', { orderNo, reason: 'expired' });
  if (released.length > 0) {
    // freed units may clear a low-stock alert: check as every other write does
    const rows = await ctx.db
      .selectFrom('stock_deduction')
      .select('sku')
      .distinct()
      .where('order_no', 'in', released)
      .execute();
    await ctx.afterWrite((await ctx.catalog.get(rows.map((r) => r.sku))).values());
  }
  return released.length;
}
