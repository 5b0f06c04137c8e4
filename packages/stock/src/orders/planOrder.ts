import { type Kysely, sql } from 'kysely';
import type { AllocationOptions } from '../allocation/AllocationOptions.js';
import { allocateOrder } from '../allocation/allocateOrder.js';
import type { WarehouseCandidate } from '../allocation/WarehouseCandidate.js';
import type { SkuInfo } from '../catalog/SkuInfo.js';
import { StockError } from '../errors/StockError.js';
import type { Order } from '../order/Order.js';
import type { StockDatabase } from '../schema/StockDatabase.js';
import type { PlannedPart } from './PlannedPart.js';

/**
 * Chooses the warehouse(s) of each line. A line pinned to a warehouse, or of
 * a SKU stocked in one warehouse only, needs no read: the conditional update
 * decides. Otherwise the split strategy ranks the warehouses on a fresh read
 * of their sellable (or activity) stock; the transaction re-checks it.
 */
export async function planOrder(
  db: Kysely<StockDatabase>,
  order: Order,
  skus: ReadonlyMap<string, SkuInfo>,
  allocation: AllocationOptions,
): Promise<PlannedPart[]> {
  const candidates = new Map<string, WarehouseCandidate[]>();
  const toRead: string[] = [];
  const activities: { sku: string; activityId: string; warehouse: string | undefined }[] = [];
  for (const line of order.lines) {
    const info = skus.get(line.sku) as SkuInfo;
    if (line.activityId !== undefined) {
      activities.push({ sku: line.sku, activityId: line.activityId, warehouse: line.warehouse });
    } else if (line.warehouse !== undefined) {
      candidates.set(line.sku, [
        { warehouse: line.warehouse, sellable: line.quantity, priority: 0 },
      ]);
    } else if (info.warehouses.length === 1) {
      candidates.set(line.sku, [
        { warehouse: info.warehouses[0] as string, sellable: line.quantity, priority: 0 },
      ]);
    } else if (info.warehouses.length === 0) {
      throw new StockError('INSUFFICIENT_STOCK', `SKU "${line.sku}" is stocked in no warehouse`);
    } else toRead.push(line.sku);
  }
  if (toRead.length > 0) {
    const rows = await db
      .selectFrom('stock_level as l')
      .innerJoin('stock_warehouse as w', 'w.code', 'l.warehouse')
      .select([
        'l.sku',
        'l.warehouse',
        'w.priority',
        'w.region',
        sql<number>`sum(l.physical - l.reserved - l.safety - l.activity)`.as('sellable'),
      ])
      .where('l.sku', 'in', toRead)
      .groupBy(['l.sku', 'l.warehouse', 'w.priority', 'w.region'])
      .execute();
    for (const sku of toRead) candidates.set(sku, []);
    for (const r of rows) {
      candidates.get(r.sku)?.push({
        warehouse: r.warehouse,
        sellable: Number(r.sellable),
        priority: Number(r.priority),
        region: r.region,
      });
    }
  }
  for (const { sku, activityId, warehouse } of activities) {
    const rows = await db
      .selectFrom('stock_activity as a')
      .innerJoin('stock_warehouse as w', 'w.code', 'a.warehouse')
      .select([
        'a.warehouse',
        'a.status',
        'w.priority',
        'w.region',
        sql<number>`a.allocated - a.sold`.as('left'),
      ])
      .where('a.activity_id', '=', activityId)
      .where('a.sku', '=', sku)
      .execute();
    if (rows.length === 0) {
      throw new StockError(
        'UNKNOWN_ACTIVITY',
        `activity "${activityId}" has no stock of SKU "${sku}"`,
      );
    }
    candidates.set(
      sku,
      rows
        .filter(
          (r) => r.status === 'active' && (warehouse === undefined || r.warehouse === warehouse),
        )
        .map((r) => ({
          warehouse: r.warehouse,
          sellable: Number(r.left),
          priority: Number(r.priority),
          region: r.region,
        })),
    );
  }
  const plan = allocateOrder(order, candidates, allocation);
  const activityOf = new Map(activities.map((a) => [a.sku, a.activityId]));
  return plan.lines.flatMap((line) =>
    line.parts.map((part) => {
      const activityId = activityOf.get(line.sku);
      return {
        sku: line.sku,
        warehouse: part.warehouse,
        quantity: part.quantity,
        shards: (skus.get(line.sku) as SkuInfo).shards,
        ...(activityId === undefined ? {} : { activityId }),
      };
    }),
  );
}
