import type { Pool } from 'mysql2/promise';

/** Options of {@link MysqlCheckpointStore}. */
export interface MysqlCheckpointStoreOptions {
  /** Your mysql2 pool (promise API); the store borrows connections and never ends it. */
  pool: Pool;
  /**
   * The table, optionally schema-qualified (`'ops.cdc_checkpoints'`). A
   * BinlogSource using this store ignores row changes of tables with this name,
   * so its own checkpoint writes never feed back into it.
   * @default 'mallkit_checkpoints'
   */
  table?: string;
  /**
   * Create the table (`CREATE TABLE IF NOT EXISTS`) on first use.
   * @default true
   */
  createTable?: boolean;
}
