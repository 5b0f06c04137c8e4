import type { StockTransaction } from '../transactions/StockTransaction.js';
import type { RowKey } from './RowKey.js';
import type { StockPool } from './StockPool.js';

/**
 * How a strategy moves units of one stock row from a pool into `reserved`,
 * inside the order's transaction. Returns `false` when the row has too few.
 */
export interface RowTaker {
  take(trx: StockTransaction, row: RowKey, quantity: number, pool: StockPool): Promise<boolean>;
}
