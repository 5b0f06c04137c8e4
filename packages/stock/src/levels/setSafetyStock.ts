import { adjustRows } from '../levels/adjustRows.js';
import type { SafetyLevel } from '../levels/StockAdjustment.js';
import { spread } from '../levels/spread.js';
import type { StockContext } from '../service/StockContext.js';
import { requireCount } from '../service/validateInput.js';
import { runTransaction } from '../transactions/runTransaction.js';

/** Sets the units of a SKU kept back from sale in a warehouse. */
export async function setSafetyStock(ctx: StockContext, level: SafetyLevel): Promise<void> {
  const safety = requireCount('safety', level?.safety);
  const info = await ctx.locate(level.sku, level.warehouse);
  await runTransaction(ctx.db, ctx.dialect, (trx) =>
    adjustRows(
      trx,
      ctx.dialect,
      { ...ctx.target(info, level.warehouse), reason: 'safety', ref: '' },
      'safety',
      (rows) =>
        spread(
          safety,
          rows.map(() => 0),
        ),
      ctx.now(),
    ),
  );
  await ctx.afterWrite([info]);
}
