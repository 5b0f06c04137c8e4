import { endActivityRows } from '../activities/endActivityRows.js';
import { StockError } from '../errors/StockError.js';
import type { StockContext } from '../service/StockContext.js';
import { requireName } from '../service/validateInput.js';
import { runTransaction } from '../transactions/runTransaction.js';

/** Ends an activity; its unsold units go back to sellable stock. Returns how many. */
export async function endActivity(ctx: StockContext, activityId: string): Promise<number> {
  requireName('activityId', activityId);
  const skus = await ctx.db
    .selectFrom('stock_activity')
    .select('sku')
    .distinct()
    .where('activity_id', '=', activityId)
    .execute();
  if (skus.length === 0)
    throw new StockError('UNKNOWN_ACTIVITY', `unknown activity "${activityId}"`);
  const infos = await ctx.catalog.get(skus.map((s) => s.sku));
  const returned = await runTransaction(ctx.db, ctx.dialect, (trx) =>
    endActivityRows(trx, ctx.dialect, activityId, (sku) => infos.get(sku)?.shards ?? 1, ctx.now()),
  );
  await ctx.afterWrite(infos.values());
  return returned;
}
