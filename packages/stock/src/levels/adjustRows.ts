import type { SqlDialect } from '../dialect/SqlDialect.js';
import type { RowMove } from '../ledger/RowMove.js';
import { recordMoves } from '../ledger/recordMoves.js';
import type { LevelTable } from '../schema/StockDatabase.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';
import { applyRowDeltas } from './applyRowDeltas.js';
import { lockRows } from './lockRows.js';

type Column = 'physical' | 'safety';

/**
 * Sets one column of a SKU's rows in a warehouse to new per-shard values
 * computed from the locked rows, and records the moves. Returns the rows as
 * they were.
 */
export async function adjustRows(
  trx: StockTransaction,
  dialect: SqlDialect,
  target: { sku: string; warehouse: string; shards: number; reason: string; ref: string },
  column: Column,
  next: (rows: readonly LevelTable[]) => number[],
  now: number,
): Promise<LevelTable[]> {
  const rows = await lockRows(trx, dialect, target.sku, target.warehouse, target.shards);
  const values = next(rows);
  const moves: RowMove[] = rows.map((r, i) => {
    const delta = (values[i] ?? r[column]) - r[column];
    return {
      sku: r.sku,
      warehouse: r.warehouse,
      shard: r.shard,
      reason: target.reason,
      ref: target.ref,
      physical: column === 'physical' ? delta : 0,
      reserved: 0,
      safety: column === 'safety' ? delta : 0,
      activity: 0,
    };
  });
  const changed = moves.filter((m) => m.physical !== 0 || m.safety !== 0);
  await applyRowDeltas(trx, changed);
  await recordMoves(trx, changed, now);
  return rows;
}
