/**
 * Change data capture and synchronisation: the pipeline, sources and sinks, the in-process
 * transport, consumers, filters, lag monitoring, the scheduler, warehouse sync and the
 * write-behind queue. Redis lives in `@mallkit/sync/redis`, MySQL in
 * `@mallkit/sync/mysql`.
 *
 * @module @mallkit/sync
 */
export type { ChangeEvent, ChangeOperation } from './changes/ChangeEvent.js';
export type { CheckpointStore } from './checkpoints/CheckpointStore.js';
export { MemoryCheckpointStore } from './checkpoints/MemoryCheckpointStore.js';
export type { CacheInvalidationConsumerOptions } from './consumers/CacheInvalidationConsumerOptions.js';
export type { CacheInvalidator } from './consumers/CacheInvalidator.js';
export type { ChangeHandler } from './consumers/ChangeHandler.js';
export { Consumer } from './consumers/Consumer.js';
export type { ConsumedChange, ConsumerEvents } from './consumers/ConsumerEvents.js';
export type { ConsumerOptions } from './consumers/ConsumerOptions.js';
export type { ConsumerStats } from './consumers/ConsumerStats.js';
export { cacheInvalidationConsumer } from './consumers/cacheInvalidationConsumer.js';
export { decodeChangeEvent } from './consumers/decodeChangeEvent.js';
export type { ProductStockConsumerOptions } from './consumers/ProductStockConsumerOptions.js';
export type { ProductStockUpdate } from './consumers/ProductStockUpdate.js';
export { productStockConsumer } from './consumers/productStockConsumer.js';
export type { SqlExecutor } from './consumers/SqlExecutor.js';
export type { Deduplicator } from './dedup/Deduplicator.js';
export { MemoryDeduplicator } from './dedup/MemoryDeduplicator.js';
export type { MemoryDeduplicatorOptions } from './dedup/MemoryDeduplicatorOptions.js';
export { isSyncError, SyncError } from './errors/SyncError.js';
export type { SyncErrorCode } from './errors/SyncErrorCode.js';
export { ChangeFilter } from './filters/ChangeFilter.js';
export type { ChangeFilterOptions } from './filters/ChangeFilterOptions.js';
export { matchesTable, type TablePattern } from './filters/TablePattern.js';
export type { ConsumerLag } from './lag/ConsumerLag.js';
export { LagMonitor } from './lag/LagMonitor.js';
export type { LagMonitorEvents } from './lag/LagMonitorEvents.js';
export type { LagMonitorOptions } from './lag/LagMonitorOptions.js';
export type { LagSource } from './lag/LagSource.js';
export type { PartitionLag } from './lag/PartitionLag.js';
export type { Lease, LeaseProvider } from './lease/LeaseProvider.js';
export { MemoryLeaseProvider } from './lease/MemoryLeaseProvider.js';
export { CdcPipeline } from './pipeline/CdcPipeline.js';
export type { CdcPipelineEvents } from './pipeline/CdcPipelineEvents.js';
export type { CdcPipelineOptions } from './pipeline/CdcPipelineOptions.js';
export type { CdcPipelineStatus } from './pipeline/CdcPipelineStatus.js';
export { TransportSink } from './pipeline/TransportSink.js';
export type { TransportSinkOptions } from './pipeline/TransportSinkOptions.js';
export { SyncScheduler } from './scheduler/SyncScheduler.js';
export type { SyncSchedulerEvents } from './scheduler/SyncSchedulerEvents.js';
export type { SyncSchedulerOptions } from './scheduler/SyncSchedulerOptions.js';
export type { ChangeSink } from './sources/ChangeSink.js';
export type { ChangeSource } from './sources/ChangeSource.js';
export type { DeadLetter } from './transport/DeadLetter.js';
export type { DeadLetterSource } from './transport/DeadLetterSource.js';
export type { DeadLetterRequest, DeliveryOutcome } from './transport/DeliveryOutcome.js';
export { MemoryTransport } from './transport/MemoryTransport.js';
export type { MemoryTransportOptions } from './transport/MemoryTransportOptions.js';
export type {
  DeliveryHandler,
  MessageTransport,
  Subscription,
} from './transport/MessageTransport.js';
export { partitionOf } from './transport/partitionOf.js';
export type { Delivery, OutgoingMessage } from './transport/StreamMessage.js';
export type { SubscribeOptions } from './transport/SubscribeOptions.js';
export type {
  AckedEvent,
  AssignmentEvent,
  ClaimedEvent,
  DeliveredEvent,
  PartitionEvent,
  PublishedEvent,
  TransportErrorEvent,
  TransportEvents,
  TransportStage,
} from './transport/TransportEvents.js';
export { HttpWarehouseSystem } from './warehouse/HttpWarehouseSystem.js';
export type { HttpWarehouseSystemOptions } from './warehouse/HttpWarehouseSystemOptions.js';
export type { InventoryTarget } from './warehouse/InventoryTarget.js';
export type { CountChange, CountRejection, SyncReport } from './warehouse/SyncReport.js';
export type { WarehouseCount } from './warehouse/WarehouseCount.js';
export { WarehouseSync } from './warehouse/WarehouseSync.js';
export type { WarehouseSyncEvents } from './warehouse/WarehouseSyncEvents.js';
export type { WarehouseSyncOptions } from './warehouse/WarehouseSyncOptions.js';
export type { WarehouseChanges, WarehouseSystem } from './warehouse/WarehouseSystem.js';
export type { WriteBehindEvents, WriteBehindTaskEvent } from './writebehind/WriteBehindEvents.js';
export { WriteBehindQueue } from './writebehind/WriteBehindQueue.js';
export type { WriteBehindQueueOptions } from './writebehind/WriteBehindQueueOptions.js';
export type {
  WriteBehindHandler,
  WriteBehindTask,
  WriteBehindTaskInput,
} from './writebehind/WriteBehindTask.js';
