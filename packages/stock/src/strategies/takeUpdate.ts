import { sql, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { StockDatabase } from '../schema/StockDatabase.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';
import type { RowKey } from './RowKey.js';
import type { StockPool } from './StockPool.js';

type LevelUpdate = UpdateQueryBuilder<StockDatabase, 'stock_level', 'stock_level', UpdateResult>;

/**
 * The conditional update every SQL strategy ends with: move `quantity` units
 * from the pool to `reserved` only if the pool still has them. The row's
 * primary key lookup takes the row lock, so two of these never both pass.
 */
export function takeUpdate(
  trx: StockTransaction,
  row: RowKey,
  quantity: number,
  pool: StockPool,
): LevelUpdate {
  const base = trx
    .updateTable('stock_level')
    .set((eb) => ({
      reserved: eb('reserved', '+', quantity),
      version: eb('version', '+', 1),
    }))
    .where('sku', '=', row.sku)
    .where('warehouse', '=', row.warehouse)
    .where('shard', '=', row.shard);
  return pool === 'sellable'
    ? base.where(sql<number>`physical - reserved - safety - activity`, '>=', quantity)
    : base
        .set((eb) => ({ activity: eb('activity', '-', quantity) }))
        .where('activity', '>=', quantity);
}
