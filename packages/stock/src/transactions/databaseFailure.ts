import type { SqlDialect } from '../dialect/SqlDialect.js';
import { isStockError, StockError } from '../errors/StockError.js';

/**
 * The `StockError` a failed database call becomes: `SCHEMA_MISSING` when the database
 * lacks a stock table (`migrateStock` never ran on it, or not since an upgrade), which no
 * retry cures, else `STORE_UNAVAILABLE`. The driver's error is kept as `cause`; a
 * `StockError` is returned as it is.
 */
export function databaseFailure(dialect: SqlDialect, error: unknown): StockError {
  if (isStockError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (dialect.isMissingTable(error)) {
    return new StockError(
      'SCHEMA_MISSING',
      `the stock tables are missing: run migrateStock(db) on this database first (${message})`,
      { cause: error },
    );
  }
  return new StockError('STORE_UNAVAILABLE', `stock database failed: ${message}`, {
    cause: error,
  });
}
