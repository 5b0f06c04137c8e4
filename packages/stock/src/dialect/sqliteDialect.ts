import type { SqlDialect } from './SqlDialect.js';

const code = (error: unknown): unknown =>
  typeof error === 'object' && error !== null
    ? (error as { errcode?: unknown }).errcode
    : undefined;

/** SQLite through kysely's `SqliteDialect` (node:sqlite or better-sqlite3). */
export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  rowLocks: false,
  skipLocked: false,
  // SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE; better-sqlite3 names them in `code`
  isDuplicateKey: (error) =>
    code(error) === 1555 ||
    code(error) === 2067 ||
    /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test(String((error as { code?: unknown })?.code)),
  // SQLITE_BUSY
  isRetryable: (error) =>
    (Number(code(error)) & 0xff) === 5 ||
    String((error as { code?: unknown })?.code).startsWith('SQLITE_BUSY'),
  // a plain SQLITE_ERROR (1) that only the message tells apart, in node:sqlite and better-sqlite3
  isMissingTable: (error) => error instanceof Error && /\bno such table: /.test(error.message),
};
