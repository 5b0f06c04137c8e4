import { StockError } from '../errors/StockError.js';
import type { DeductionStrategy } from './DeductionStrategy.js';
import type { OptimisticLockOptions } from './OptimisticLockOptions.js';
import { RetrySignal } from './RetrySignal.js';
import type { RowTaker } from './RowTaker.js';

const taker: RowTaker = {
  async take(trx, row, quantity, pool) {
    const current = await trx
      .selectFrom('stock_level')
      .select(['physical', 'reserved', 'safety', 'activity', 'version'])
      .where('sku', '=', row.sku)
      .where('warehouse', '=', row.warehouse)
      .where('shard', '=', row.shard)
      .executeTakeFirst();
    if (!current) return false;
    const available =
      pool === 'sellable'
        ? current.physical - current.reserved - current.safety - current.activity
        : current.activity;
    if (available < quantity) return false;
    const set =
      pool === 'sellable'
        ? { reserved: Number(current.reserved) + quantity }
        : {
            reserved: Number(current.reserved) + quantity,
            activity: Number(current.activity) - quantity,
          };
    const result = await trx
      .updateTable('stock_level')
      .set({ ...set, version: Number(current.version) + 1 })
      .where('sku', '=', row.sku)
      .where('warehouse', '=', row.warehouse)
      .where('shard', '=', row.shard)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new RetrySignal('version');
    return true;
  },
};

/**
 * Strategy 2: read the row and its version without a lock, write back only
 * if the version is unchanged, and run the whole order again (bounded, with
 * jittered backoff) when another writer got there first.
 */
export function optimisticLock(options: OptimisticLockOptions = {}): DeductionStrategy {
  const maxAttempts = options.maxAttempts ?? 8;
  const backoffMs = options.backoffMs ?? 2;
  return {
    name: 'optimistic',
    async run(_skus, attempt) {
      for (let i = 1; ; i++) {
        try {
          return await attempt(taker);
        } catch (error) {
          if (!(error instanceof RetrySignal)) throw error;
          if (i >= maxAttempts) {
            throw new StockError(
              'CONCURRENCY_CONFLICT',
              `optimistic lock lost ${maxAttempts} attempts in a row to concurrent writers`,
            );
          }
          await pause(Math.random() * backoffMs * 2 ** (i - 1));
        }
      }
    },
  };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
