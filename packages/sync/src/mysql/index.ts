/**
 * The MySQL / MariaDB integrations of `@mallkit/sync`: the binlog source, the outbox
 * source and writer, snapshots and the checkpoint store. mysql2 and @vlasky/zongji are
 * optional peer dependencies.
 *
 * @module @mallkit/sync/mysql
 */
export { MysqlCheckpointStore } from '../checkpoints/MysqlCheckpointStore.js';
export type { MysqlCheckpointStoreOptions } from '../checkpoints/MysqlCheckpointStoreOptions.js';
export {
  type BinlogPosition,
  compareBinlogPositions,
  formatBinlogPosition,
  parseBinlogPosition,
} from '../sources/binlog/BinlogPosition.js';
export { BinlogSource } from '../sources/binlog/BinlogSource.js';
export type { BinlogSourceEvents } from '../sources/binlog/BinlogSourceEvents.js';
export type { BinlogSourceOptions } from '../sources/binlog/BinlogSourceOptions.js';
export type { BinlogSourceStatus } from '../sources/binlog/BinlogSourceStatus.js';
export { OutboxSource } from '../sources/outbox/OutboxSource.js';
export type { OutboxSourceEvents } from '../sources/outbox/OutboxSourceEvents.js';
export type { OutboxSourceOptions } from '../sources/outbox/OutboxSourceOptions.js';
export { createOutboxTable, outboxTableDdl } from '../sources/outbox/outboxTableDdl.js';
export {
  type OutboxMessage,
  type OutboxWriter,
  writeOutbox,
} from '../sources/outbox/writeOutbox.js';
export type { SnapshotResult } from '../sources/snapshot/SnapshotResult.js';
export { SnapshotSource } from '../sources/snapshot/SnapshotSource.js';
export type { SnapshotSourceEvents } from '../sources/snapshot/SnapshotSourceEvents.js';
export type { SnapshotSourceOptions } from '../sources/snapshot/SnapshotSourceOptions.js';
