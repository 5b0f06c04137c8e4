/**
 * What differs between the SQL databases @mallkit/stock runs on. The service
 * code is the same for all of them; only these answers change.
 */
export interface SqlDialect {
  /** `'mysql'` for MySQL and MariaDB, `'sqlite'` for the embedded mode. */
  readonly name: 'mysql' | 'sqlite';
  /** Whether `SELECT … FOR UPDATE` is understood (SQLite locks the whole file instead). */
  readonly rowLocks: boolean;
  /** Whether `FOR UPDATE SKIP LOCKED` is understood. */
  readonly skipLocked: boolean;
  /** Whether a failed statement means a duplicate primary or unique key. */
  isDuplicateKey(error: unknown): boolean;
  /** Whether a failed transaction may simply be run again (deadlock, lock wait, busy). */
  isRetryable(error: unknown): boolean;
  /** Whether a failed statement names a table the database does not have (`migrateStock` never ran). */
  isMissingTable(error: unknown): boolean;
}
