import type { WarehouseSettings } from '../catalog/SkuSettings.js';
import type { StockContext } from '../service/StockContext.js';
import { requireName } from '../service/validateInput.js';
import { runTransaction } from '../transactions/runTransaction.js';

/** Creates or updates a warehouse. */
export async function defineWarehouse(
  ctx: StockContext,
  settings: WarehouseSettings,
): Promise<void> {
  const code = requireName('code', settings?.code);
  const region = settings.region ?? '';
  const priority = Math.trunc(settings.priority ?? 0);
  await runTransaction(ctx.db, ctx.dialect, async (trx) => {
    const updated = await trx
      .updateTable('stock_warehouse')
      .set({ region, priority })
      .where('code', '=', code)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n)
      await trx.insertInto('stock_warehouse').values({ code, region, priority }).execute();
  });
  ctx.catalog.forget();
}
