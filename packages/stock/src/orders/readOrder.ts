import type { Kysely } from 'kysely';
import type { StockDatabase } from '../schema/StockDatabase.js';
import { compareParts } from './compareParts.js';
import type { OrderOutcome, OrderStatus, ReservedPart } from './OrderOutcome.js';
import { shippingWarehouseOf } from './shippingWarehouseOf.js';

/** A stored order with its fingerprint, as replays compare it. */
export interface StoredOrder {
  fingerprint: string;
  outcome: OrderOutcome;
}

/** Reads an order and its deduction log; `undefined` when the number was never used. */
export async function readOrder(
  db: Kysely<StockDatabase>,
  orderNo: string,
): Promise<StoredOrder | undefined> {
  const header = await db
    .selectFrom('stock_order')
    .selectAll()
    .where('order_no', '=', orderNo)
    .executeTakeFirst();
  if (!header) return undefined;
  const rows = await db
    .selectFrom('stock_deduction')
    .selectAll()
    .where('order_no', '=', orderNo)
    .execute();
  const parts: ReservedPart[] = rows
    .map((r) => ({
      sku: r.sku,
      warehouse: r.warehouse,
      shard: Number(r.shard),
      quantity: Number(r.quantity),
      refunded: Number(r.refunded),
      ...(r.activity_id === '' ? {} : { activityId: r.activity_id }),
    }))
    .sort(compareParts);
  return {
    fingerprint: header.fingerprint,
    outcome: {
      orderNo,
      status: header.status as OrderStatus,
      strategy: header.strategy,
      parts,
      shippingWarehouse: shippingWarehouseOf(parts),
      expiresAt: header.expires_at === null ? null : Number(header.expires_at),
      replayed: true,
    },
  };
}
