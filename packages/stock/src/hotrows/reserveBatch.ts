import { sql } from 'kysely';
import type { SqlDialect } from '../dialect/SqlDialect.js';
import { StockError } from '../errors/StockError.js';
import type { RowMove } from '../ledger/RowMove.js';
import { recordMoves } from '../ledger/recordMoves.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';
import type { CombinedRequest, CombinedResult } from './CombinedRequest.js';

/**
 * One transaction for a batch of single-line orders of one stock row: lock
 * the row once, accept orders in arrival order while they fit, then one
 * UPDATE for the sum, one multi-row insert of order headers and one of
 * deduction-log rows, and the ledger with each order's own before/after.
 * Orders whose number already exists are left out (the caller replays them).
 */
export async function reserveBatch(
  trx: StockTransaction,
  dialect: SqlDialect,
  row: { sku: string; warehouse: string; shard: number },
  batch: readonly CombinedRequest[],
): Promise<CombinedResult[]> {
  const level = await trx
    .selectFrom('stock_level')
    .select(['physical', 'reserved', 'safety', 'activity'])
    .where('sku', '=', row.sku)
    .where('warehouse', '=', row.warehouse)
    .where('shard', '=', row.shard)
    .$if(dialect.rowLocks, (q) => q.forUpdate())
    .executeTakeFirst();
  const taken = new Set(
    (
      await trx
        .selectFrom('stock_order')
        .select('order_no')
        .where(
          'order_no',
          'in',
          batch.map((r) => r.orderNo),
        )
        .execute()
    ).map((r) => r.order_no),
  );
  let left = level
    ? Number(level.physical) -
      Number(level.reserved) -
      Number(level.safety) -
      Number(level.activity)
    : 0;
  const results: CombinedResult[] = [];
  const accepted: CombinedRequest[] = [];
  for (const request of batch) {
    if (taken.has(request.orderNo)) results.push({ kind: 'exists' });
    else if (request.quantity > left) results.push({ kind: 'short' });
    else {
      left -= request.quantity;
      accepted.push(request);
      results.push({ kind: 'reserved', shard: row.shard });
    }
  }
  if (accepted.length === 0) return results;
  const sum = accepted.reduce((n, r) => n + r.quantity, 0);
  await trx
    .insertInto('stock_order')
    .values(
      accepted.map((r) => ({
        order_no: r.orderNo,
        fingerprint: r.fingerprint,
        status: 'reserved',
        strategy: 'combining',
        created_at: r.now,
        expires_at: r.expiresAt,
        updated_at: r.now,
      })),
    )
    .execute();
  const updated = await trx
    .updateTable('stock_level')
    .set((eb) => ({ reserved: eb('reserved', '+', sum), version: eb('version', '+', 1) }))
    .where('sku', '=', row.sku)
    .where('warehouse', '=', row.warehouse)
    .where('shard', '=', row.shard)
    .where(sql<number>`physical - reserved - safety - activity`, '>=', sum)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) {
    throw new StockError(
      'STORE_UNAVAILABLE',
      `stock row ${row.sku}@${row.warehouse} changed under its lock`,
    );
  }
  await trx
    .insertInto('stock_deduction')
    .values(
      accepted.map((r) => ({
        order_no: r.orderNo,
        sku: row.sku,
        warehouse: row.warehouse,
        shard: row.shard,
        quantity: r.quantity,
        refunded: 0,
        activity_id: '',
      })),
    )
    .execute();
  const moves: RowMove[] = accepted.map((r) => ({
    ...row,
    reason: 'deduct',
    ref: r.orderNo,
    physical: 0,
    reserved: r.quantity,
    safety: 0,
    activity: 0,
  }));
  await recordMoves(trx, moves, accepted[0]?.now ?? 0);
  return results;
}
