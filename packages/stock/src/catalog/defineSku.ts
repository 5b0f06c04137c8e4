import type { SkuSettings } from '../catalog/SkuSettings.js';
import { StockError } from '../errors/StockError.js';
import type { StockContext } from '../service/StockContext.js';
import { requireCount, requireName } from '../service/validateInput.js';
import type { StrategyName } from '../strategies/DeductionStrategy.js';
import { SQL_STRATEGIES } from '../strategies/sqlStrategies.js';
import { runTransaction } from '../transactions/runTransaction.js';

/** Creates or updates a SKU's settings (shards, strategy, low-stock alert). */
export async function defineSku(ctx: StockContext, settings: SkuSettings): Promise<void> {
  const sku = requireName('sku', settings?.sku);
  const shards = requireCount('shards', settings.shards ?? 1, 1);
  const strategy = settings.strategy ?? null;
  if (strategy !== null && !SQL_STRATEGIES.has(strategy as StrategyName)) {
    throw new StockError('INVALID_REQUEST', `strategy "${strategy}" is not a SQL strategy`);
  }
  const threshold = settings.lowStock
    ? requireCount('lowStock.threshold', settings.lowStock.threshold)
    : null;
  const clear = settings.lowStock
    ? requireCount('lowStock.clear', settings.lowStock.clear ?? threshold ?? 0)
    : null;
  await runTransaction(ctx.db, ctx.dialect, async (trx) => {
    const row = await trx
      .selectFrom('stock_sku')
      .select('shards')
      .where('sku', '=', sku)
      .executeTakeFirst();
    if (row && Number(row.shards) > shards) {
      throw new StockError(
        'INVALID_REQUEST',
        `SKU "${sku}" has ${row.shards} shards; shards can grow, not shrink`,
      );
    }
    const values = { shards, strategy, low_threshold: threshold, low_clear: clear };
    if (row) await trx.updateTable('stock_sku').set(values).where('sku', '=', sku).execute();
    else
      await trx
        .insertInto('stock_sku')
        .values({ sku, ...values, low_raised: 0 })
        .execute();
  });
  ctx.catalog.forget(sku);
}
