/** The MySQL/MariaDB error number of a failed mysql2 call (`errno`, e.g. 1146 ER_NO_SUCH_TABLE), if it has one. @internal */
export function mysqlErrno(error: unknown): number | undefined {
  const errno =
    typeof error === 'object' && error !== null ? (error as { errno?: unknown }).errno : undefined;
  return typeof errno === 'number' ? errno : undefined;
}
