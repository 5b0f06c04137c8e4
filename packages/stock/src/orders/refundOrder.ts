import type { SqlDialect } from '../dialect/SqlDialect.js';
import { StockError } from '../errors/StockError.js';
import type { RowMove } from '../ledger/RowMove.js';
import { recordMoves } from '../ledger/recordMoves.js';
import { claimOperation } from '../operations/claimOperation.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';
import { compareParts } from './compareParts.js';
import { fingerprint } from './fingerprint.js';
import type { RefundRequest } from './RefundRequest.js';

/**
 * Returns confirmed units to physical stock, once per refund number. Units are
 * taken back from the order's parts in key order; more than was confirmed and
 * not yet refunded is an `INVALID_TRANSITION` and nothing is applied.
 * Resolves to whether it applied the refund (`false`: the refund number was seen before).
 */
export async function refundOrder(
  trx: StockTransaction,
  dialect: SqlDialect,
  request: RefundRequest,
  now: number,
): Promise<boolean> {
  const print = fingerprint({ orderNo: request.orderNo, lines: request.lines });
  if (!(await claimOperation(trx, dialect, `refund:${request.refundNo}`, print, now))) return false;
  const header = await trx
    .selectFrom('stock_order')
    .select('status')
    .where('order_no', '=', request.orderNo)
    .$if(dialect.rowLocks, (q) => q.forUpdate())
    .executeTakeFirst();
  if (!header)
    throw new StockError('ORDER_NOT_FOUND', `order "${request.orderNo}" was never deducted`);
  if (header.status !== 'confirmed') {
    throw new StockError(
      'INVALID_TRANSITION',
      `order "${request.orderNo}" is ${header.status}; only confirmed units can be refunded`,
    );
  }
  const parts = (
    await trx
      .selectFrom('stock_deduction')
      .selectAll()
      .where('order_no', '=', request.orderNo)
      .execute()
  ).sort(compareParts);
  const moves: RowMove[] = [];
  for (const line of request.lines) {
    let left = line.quantity;
    const ofSku = parts.filter((p) => p.sku === line.sku);
    const open = ofSku.reduce((n, p) => n + Number(p.quantity) - Number(p.refunded), 0);
    if (ofSku.length === 0 || open < left) {
      throw new StockError(
        'INVALID_TRANSITION',
        `order "${request.orderNo}" has ${open} refundable units of "${line.sku}"; ${left} asked`,
      );
    }
    for (const p of ofSku) {
      const take = Math.min(left, Number(p.quantity) - Number(p.refunded));
      if (take <= 0) continue;
      left -= take;
      p.refunded = Number(p.refunded) + take;
      moves.push({
        ...keyOf(p),
        reason: 'refund',
        ref: request.refundNo,
        physical: take,
        reserved: 0,
        safety: 0,
        activity: 0,
      });
      if (left === 0) break;
    }
  }
  moves.sort(compareParts);
  for (const m of moves) {
    await trx
      .updateTable('stock_deduction')
      .set((eb) => ({ refunded: eb('refunded', '+', m.physical) }))
      .where('order_no', '=', request.orderNo)
      .where('sku', '=', m.sku)
      .where('warehouse', '=', m.warehouse)
      .where('shard', '=', m.shard)
      .execute();
    await trx
      .updateTable('stock_level')
      .set((eb) => ({ physical: eb('physical', '+', m.physical), version: eb('version', '+', 1) }))
      .where('sku', '=', m.sku)
      .where('warehouse', '=', m.warehouse)
      .where('shard', '=', m.shard)
      .execute();
  }
  if (parts.every((p) => Number(p.refunded) >= Number(p.quantity))) {
    await trx
      .updateTable('stock_order')
      .set({ status: 'refunded', updated_at: now })
      .where('order_no', '=', request.orderNo)
      .execute();
  }
  await recordMoves(trx, moves, now);
  return true;
}

const keyOf = (p: { sku: string; warehouse: string; shard: number }) => ({
  sku: p.sku,
  warehouse: p.warehouse,
  shard: Number(p.shard),
});
