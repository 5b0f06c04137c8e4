import type { EventHub } from '@mallkit/resilience';
import { type Kysely, sql } from 'kysely';
import type { SkuInfo } from '../catalog/SkuInfo.js';
import type { StockEvents } from '../events/StockEvents.js';
import type { StockDatabase } from '../schema/StockDatabase.js';

/**
 * Raises or clears the low-stock alert of SKUs that have one, once per
 * crossing: the raised flag flips by compare-and-set, so with several nodes
 * checking, one of them emits. Clearing waits until sellable is above the
 * clear level (hysteresis), so stock hovering at the threshold does not flap.
 */
export async function checkLowStock(
  db: Kysely<StockDatabase>,
  skus: Iterable<SkuInfo>,
  events: EventHub<StockEvents>,
): Promise<void> {
  const watched = [...skus].filter((s) => s.lowThreshold !== null);
  if (watched.length === 0) return;
  // the flag comes with the sums: most checks find it already right and write nothing
  const sums = await db
    .selectFrom('stock_level')
    .innerJoin('stock_sku', 'stock_sku.sku', 'stock_level.sku')
    .select([
      'stock_level.sku as sku',
      sql<number>`sum(stock_level.physical - stock_level.reserved - stock_level.safety - stock_level.activity)`.as(
        'sellable',
      ),
      sql<number>`max(stock_sku.low_raised)`.as('raised'),
    ])
    .where(
      'stock_level.sku',
      'in',
      watched.map((s) => s.sku),
    )
    .groupBy('stock_level.sku')
    .execute();
  const sellableOf = new Map(sums.map((r) => [r.sku, Math.max(0, Number(r.sellable))]));
  const raisedOf = new Map(sums.map((r) => [r.sku, Number(r.raised) === 1]));
  for (const info of watched) {
    const threshold = info.lowThreshold as number;
    const clear = info.lowClear ?? threshold;
    const sellable = sellableOf.get(info.sku) ?? 0;
    const raise = sellable <= threshold;
    if (!raise && sellable <= clear) continue;
    if (raisedOf.get(info.sku) === raise) continue;
    const flipped = await db
      .updateTable('stock_sku')
      .set({ low_raised: raise ? 1 : 0 })
      .where('sku', '=', info.sku)
      .where('low_raised', '=', raise ? 0 : 1)
      .executeTakeFirst();
    if (flipped.numUpdatedRows === 0n) continue;
    if (raise) events.emit('lowStock', { sku: info.sku, sellable, threshold });
    else events.emit('lowStockCleared', { sku: info.sku, sellable, clear });
  }
}
