import { StockError } from '../errors/StockError.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';
import type { RowMove } from './RowMove.js';

const rowKey = (m: { sku: string; warehouse: string; shard: number }) =>
  `${m.sku}\u0000${m.warehouse}\u0000${m.shard}`;

/**
 * Appends moves already applied in this transaction to the ledger, with each
 * row's values after the move. Reads the rows once; when several moves touch
 * one row (combined deductions), the later moves' deltas are taken back to
 * find the earlier ones' after-values.
 */
export async function recordMoves(
  trx: StockTransaction,
  moves: readonly RowMove[],
  at: number,
): Promise<void> {
  if (moves.length === 0) return;
  const keys = new Map<string, RowMove>();
  for (const m of moves) keys.set(rowKey(m), m);
  const rows = await trx
    .selectFrom('stock_level')
    .select(['sku', 'warehouse', 'shard', 'physical', 'reserved', 'safety', 'activity'])
    .where(({ eb, refTuple, tuple }) =>
      eb(
        refTuple('sku', 'warehouse', 'shard'),
        'in',
        [...keys.values()].map((m) => tuple(m.sku, m.warehouse, m.shard)),
      ),
    )
    .execute();
  const current = new Map(rows.map((r) => [rowKey(r), { ...r }]));
  const entries = new Array(moves.length);
  for (let i = moves.length - 1; i >= 0; i--) {
    const m = moves[i] as RowMove;
    const row = current.get(rowKey(m));
    if (!row) {
      throw new StockError(
        'STORE_UNAVAILABLE',
        `stock row ${m.sku}@${m.warehouse}#${m.shard} vanished`,
      );
    }
    entries[i] = {
      sku: m.sku,
      warehouse: m.warehouse,
      shard: m.shard,
      reason: m.reason,
      ref: m.ref,
      d_physical: m.physical,
      d_reserved: m.reserved,
      d_safety: m.safety,
      d_activity: m.activity,
      physical_after: Number(row.physical),
      reserved_after: Number(row.reserved),
      safety_after: Number(row.safety),
      activity_after: Number(row.activity),
      at,
    };
    row.physical = Number(row.physical) - m.physical;
    row.reserved = Number(row.reserved) - m.reserved;
    row.safety = Number(row.safety) - m.safety;
    row.activity = Number(row.activity) - m.activity;
  }
  await trx.insertInto('stock_ledger').values(entries).execute();
}
