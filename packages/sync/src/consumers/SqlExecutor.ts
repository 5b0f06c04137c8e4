/**
 * What {@link productStockConsumer} needs of a database: running one parameterised
 * statement. A mysql2/promise `Pool` or `Connection` fits as it is (`execute`); wrap
 * other drivers in one line.
 */
export interface SqlExecutor {
  /** Runs `sql` with `params` bound to its `?` (or `$n`) placeholders; rejects when it failed. */
  execute(sql: string, params: Array<string | number>): Promise<unknown>;
}
