import type { SqlDialect } from '../dialect/SqlDialect.js';
import { StockError } from '../errors/StockError.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';

/**
 * Claims the idempotency key of a write that is not `deduct` (a refund, a
 * receipt, an activity change) inside its transaction. `true`: first time,
 * go ahead. `false`: done before with the same content, change nothing.
 * Same key with other content: `ORDER_CONFLICT`.
 */
export async function claimOperation(
  trx: StockTransaction,
  dialect: SqlDialect,
  key: string,
  fingerprint: string,
  now: number,
): Promise<boolean> {
  const read = () =>
    trx
      .selectFrom('stock_operation')
      .select('fingerprint')
      .where('op_key', '=', key)
      .executeTakeFirst();
  const existing = await read();
  if (existing) return same(existing.fingerprint, fingerprint, key);
  try {
    await trx
      .insertInto('stock_operation')
      .values({ op_key: key, fingerprint, created_at: now })
      .execute();
    return true;
  } catch (error) {
    if (!dialect.isDuplicateKey(error)) throw error;
    // A concurrent call committed the same key while this insert waited for its lock.
    const winner = await read();
    if (!winner) throw error;
    return same(winner.fingerprint, fingerprint, key);
  }
}

function same(stored: string, given: string, key: string): false {
  if (stored !== given) {
    throw new StockError('ORDER_CONFLICT', `"${key}" was used before with different content`);
  }
  return false;
}
