import type { Kysely } from 'kysely';
import type { StockDatabase } from '../schema/StockDatabase.js';
import type { StockView, WarehouseStock } from './StockView.js';

/** Reads the SKUs' rows and sums shards per warehouse and warehouses per SKU. */
export async function queryStock(
  db: Kysely<StockDatabase>,
  skus: readonly string[],
): Promise<StockView[]> {
  const rows = await db
    .selectFrom('stock_level')
    .select(['sku', 'warehouse', 'physical', 'reserved', 'safety', 'activity'])
    .where('sku', 'in', skus)
    .orderBy('sku')
    .orderBy('warehouse')
    .execute();
  const views = new Map<string, StockView>(
    skus.map((sku) => [
      sku,
      { sku, physical: 0, reserved: 0, safety: 0, activity: 0, sellable: 0, warehouses: [] },
    ]),
  );
  for (const r of rows) {
    const view = views.get(r.sku) as StockView;
    let w = view.warehouses.at(-1);
    if (w?.warehouse !== r.warehouse) {
      w = { warehouse: r.warehouse, physical: 0, reserved: 0, safety: 0, activity: 0, sellable: 0 };
      view.warehouses.push(w);
    }
    for (const target of [w, view] as WarehouseStock[]) {
      target.physical += Number(r.physical);
      target.reserved += Number(r.reserved);
      target.safety += Number(r.safety);
      target.activity += Number(r.activity);
    }
  }
  for (const view of views.values()) {
    for (const w of [view, ...view.warehouses] as WarehouseStock[]) {
      w.sellable = Math.max(0, w.physical - w.reserved - w.safety - w.activity);
    }
  }
  return skus.map((sku) => views.get(sku) as StockView);
}
