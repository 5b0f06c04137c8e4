import { StockError } from '../errors/StockError.js';
import type { AnyKysely } from './AnyKysely.js';
import { mysqlDialect } from './mysqlDialect.js';
import type { SqlDialect } from './SqlDialect.js';
import { sqliteDialect } from './sqliteDialect.js';

/**
 * Tells the dialect from the kysely instance's adapter. Uses the adapter's
 * class name rather than `instanceof`, so it works when the application and
 * @mallkit/stock resolve two copies of kysely.
 */
export function detectDialect(db: AnyKysely): SqlDialect {
  const adapter = db.getExecutor().adapter.constructor.name;
  if (adapter === 'MysqlAdapter') return mysqlDialect;
  if (adapter === 'SqliteAdapter') return sqliteDialect;
  throw new StockError(
    'INVALID_OPTION',
    `the database's kysely adapter is ${adapter}; @mallkit/stock supports MySQL/MariaDB and SQLite`,
  );
}
