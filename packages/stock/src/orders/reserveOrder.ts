import { sql } from 'kysely';
import type { SqlDialect } from '../dialect/SqlDialect.js';
import type { RowMove } from '../ledger/RowMove.js';
import { recordMoves } from '../ledger/recordMoves.js';
import type { RowTaker } from '../strategies/RowTaker.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';
import { compareParts } from './compareParts.js';
import type { ReservedPart } from './OrderOutcome.js';
import type { PlannedPart } from './PlannedPart.js';
import { OrderExists, ShortLine } from './signals.js';
import { takeFromShards } from './takeFromShards.js';

/** One order's reservation, ready to run in a transaction. */
export interface ReservationRequest {
  orderNo: string;
  fingerprint: string;
  strategy: string;
  now: number;
  expiresAt: number;
  parts: readonly PlannedPart[];
}

/**
 * The body of `deduct`'s transaction: claim the order number (its primary key
 * is the idempotency record), take every part's units, then write the
 * deduction log and the ledger. Any short line throws and rolls it all back.
 */
export async function reserveOrder(
  trx: StockTransaction,
  dialect: SqlDialect,
  taker: RowTaker,
  request: ReservationRequest,
): Promise<ReservedPart[]> {
  try {
    await trx
      .insertInto('stock_order')
      .values({
        order_no: request.orderNo,
        fingerprint: request.fingerprint,
        status: 'reserved',
        strategy: request.strategy,
        created_at: request.now,
        expires_at: request.expiresAt,
        updated_at: request.now,
      })
      .execute();
  } catch (error) {
    if (dialect.isDuplicateKey(error)) throw new OrderExists(request.orderNo);
    throw error;
  }
  const planned = [...request.parts].sort((a, b) =>
    compareParts({ ...a, shard: 0 }, { ...b, shard: 0 }),
  );
  const parts: ReservedPart[] = [];
  for (const part of planned) {
    const start = part.shards > 1 ? Math.floor(Math.random() * part.shards) : 0;
    const takes = await takeFromShards(trx, dialect, taker, part, start);
    if (!takes) throw new ShortLine(part.sku, part.warehouse);
    if (part.activityId !== undefined) {
      const sold = await trx
        .updateTable('stock_activity')
        .set((eb) => ({ sold: eb('sold', '+', part.quantity) }))
        .where('activity_id', '=', part.activityId)
        .where('sku', '=', part.sku)
        .where('warehouse', '=', part.warehouse)
        .where('status', '=', 'active')
        .where(sql<number>`allocated - sold`, '>=', part.quantity)
        .executeTakeFirst();
      if (sold.numUpdatedRows === 0n) throw new ShortLine(part.sku, part.warehouse);
    }
    for (const take of takes) {
      parts.push({
        sku: part.sku,
        warehouse: part.warehouse,
        shard: take.shard,
        quantity: take.quantity,
        refunded: 0,
        ...(part.activityId === undefined ? {} : { activityId: part.activityId }),
      });
    }
  }
  parts.sort(compareParts);
  await trx
    .insertInto('stock_deduction')
    .values(
      parts.map((p) => ({
        order_no: request.orderNo,
        sku: p.sku,
        warehouse: p.warehouse,
        shard: p.shard,
        quantity: p.quantity,
        refunded: 0,
        activity_id: p.activityId ?? '',
      })),
    )
    .execute();
  const moves: RowMove[] = parts.map((p) => ({
    sku: p.sku,
    warehouse: p.warehouse,
    shard: p.shard,
    reason: 'deduct',
    ref: request.orderNo,
    physical: 0,
    reserved: p.quantity,
    safety: 0,
    activity: p.activityId === undefined ? 0 : -p.quantity,
  }));
  await recordMoves(trx, moves, request.now);
  return parts;
}
