import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect/SqlDialect.js';
import { isStockError } from '../errors/StockError.js';
import type { StockDatabase } from '../schema/StockDatabase.js';
import { databaseFailure } from './databaseFailure.js';
import { Passthrough } from './Passthrough.js';
import type { StockTransaction } from './StockTransaction.js';

/**
 * Runs `body` in a READ COMMITTED transaction, again (up to `attempts` times)
 * when the database reports a deadlock or busy lock, and turns any other
 * database failure into `SCHEMA_MISSING` (a missing table, never retried) or
 * `STORE_UNAVAILABLE` (see {@link databaseFailure}). The transaction commits only
 * if `body` returns, so a failure never leaves part of it applied.
 */
export async function runTransaction<T>(
  db: Kysely<StockDatabase>,
  dialect: SqlDialect,
  body: (trx: StockTransaction) => Promise<T>,
  attempts = 10,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await db.transaction().setIsolationLevel('read committed').execute(body);
    } catch (error) {
      if (isStockError(error) || error instanceof Passthrough) throw error;
      if (!dialect.isMissingTable(error) && dialect.isRetryable(error) && i < attempts) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(i, 6)));
        continue;
      }
      throw databaseFailure(dialect, error);
    }
  }
}
