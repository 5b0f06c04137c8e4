import { SyncError } from '../../errors/SyncError.js';
import { mysqlErrno } from '../../mysql/mysqlErrno.js';

/**
 * `SOURCE_MISCONFIGURED` naming `table` when a failed query says the outbox table does
 * not exist (ER_NO_SUCH_TABLE) or lacks the columns of `outboxTableDdl`
 * (ER_BAD_FIELD_ERROR): no retry cures either. `undefined` for any other failure.
 * @internal
 */
export function outboxTableProblem(error: unknown, table: string): SyncError | undefined {
  const errno = mysqlErrno(error);
  const reason = error instanceof Error ? error.message : String(error);
  if (errno === 1146) {
    return new SyncError(
      'SOURCE_MISCONFIGURED',
      `outbox table ${table} does not exist: create it with createOutboxTable(pool, '${table}'), or put outboxTableDdl('${table}') in a migration (${reason})`,
      { cause: error },
    );
  }
  if (errno === 1054) {
    return new SyncError(
      'SOURCE_MISCONFIGURED',
      `table ${table} is not an outbox table: it must have the columns of outboxTableDdl('${table}') (${reason})`,
      { cause: error },
    );
  }
  return undefined;
}
