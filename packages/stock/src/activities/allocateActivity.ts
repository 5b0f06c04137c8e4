import type { ActivityAllocation } from '../activities/ActivityAllocation.js';
import { allocateActivityRows } from '../activities/allocateActivityRows.js';
import type { StockContext } from '../service/StockContext.js';
import { requireCount, requireName } from '../service/validateInput.js';
import { runTransaction } from '../transactions/runTransaction.js';

/** Sets units aside for a flash-sale activity, once per (activity, SKU, warehouse). */
export async function allocateActivity(
  ctx: StockContext,
  allocation: ActivityAllocation,
): Promise<void> {
  const activityId = requireName('activityId', allocation?.activityId);
  const quantity = requireCount('quantity', allocation.quantity, 1);
  const info = await ctx.locate(allocation.sku, allocation.warehouse);
  await runTransaction(ctx.db, ctx.dialect, (trx) =>
    allocateActivityRows(
      trx,
      ctx.dialect,
      {
        activityId,
        sku: info.sku,
        warehouse: allocation.warehouse,
        quantity,
        shards: info.shards,
        strategy: allocation.strategy === 'redis' ? 'redis' : 'sql',
      },
      ctx.now(),
    ),
  );
  await ctx.afterWrite([info]);
}
