import type { ActivityStock } from '../activities/ActivityStock.js';
import type { StockContext } from '../service/StockContext.js';
import { requireName } from '../service/validateInput.js';

/** The activity's rows (one per SKU and warehouse), as the database holds them; empty when unknown. */
export async function readActivity(
  ctx: StockContext,
  activityId: string,
): Promise<ActivityStock[]> {
  requireName('activityId', activityId);
  const rows = await ctx.db
    .selectFrom('stock_activity')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('sku')
    .orderBy('warehouse')
    .execute();
  return rows.map((r) => ({
    activityId: r.activity_id,
    sku: r.sku,
    warehouse: r.warehouse,
    allocated: Number(r.allocated),
    sold: Number(r.sold),
    status: r.status as ActivityStock['status'],
    strategy: r.strategy as ActivityStock['strategy'],
  }));
}
