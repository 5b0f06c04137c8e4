import type { SqlDialect } from './SqlDialect.js';

const errno = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { errno?: unknown }).errno : undefined;

/** MySQL and MariaDB (InnoDB) through kysely's `MysqlDialect` and mysql2. */
export const mysqlDialect: SqlDialect = {
  name: 'mysql',
  rowLocks: true,
  skipLocked: true,
  // ER_DUP_ENTRY
  isDuplicateKey: (error) => errno(error) === 1062,
  // ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT
  isRetryable: (error) => errno(error) === 1213 || errno(error) === 1205,
  // ER_NO_SUCH_TABLE
  isMissingTable: (error) => errno(error) === 1146,
};
