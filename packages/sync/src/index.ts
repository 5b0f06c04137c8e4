export type { ChangeEvent, ChangeOperation } from './changes/ChangeEvent.js';
export type { CheckpointStore } from './checkpoints/CheckpointStore.js';
export { MemoryCheckpointStore } from './checkpoints/MemoryCheckpointStore.js';
export { isSyncError, SyncError } from './errors/SyncError.js';
export type { SyncErrorCode } from './errors/SyncErrorCode.js';
export type { Lease, LeaseProvider } from './lease/LeaseProvider.js';
export { MemoryLeaseProvider } from './lease/MemoryLeaseProvider.js';
export { SyncScheduler } from './scheduler/SyncScheduler.js';
export type { SyncSchedulerEvents } from './scheduler/SyncSchedulerEvents.js';
export type { SyncSchedulerOptions } from './scheduler/SyncSchedulerOptions.js';
export type { ChangeSink } from './sources/ChangeSink.js';
export type { ChangeSource } from './sources/ChangeSource.js';
export type {
  DeliveryHandler,
  MessageTransport,
  Subscription,
} from './transport/MessageTransport.js';
export type { Delivery, OutgoingMessage } from './transport/StreamMessage.js';
export { HttpWarehouseSystem } from './warehouse/HttpWarehouseSystem.js';
export type { HttpWarehouseSystemOptions } from './warehouse/HttpWarehouseSystemOptions.js';
export type { InventoryTarget } from './warehouse/InventoryTarget.js';
export type { CountChange, CountRejection, SyncReport } from './warehouse/SyncReport.js';
export type { WarehouseCount } from './warehouse/WarehouseCount.js';
export { WarehouseSync } from './warehouse/WarehouseSync.js';
export type { WarehouseSyncEvents } from './warehouse/WarehouseSyncEvents.js';
export type { WarehouseSyncOptions } from './warehouse/WarehouseSyncOptions.js';
export type { WarehouseChanges, WarehouseSystem } from './warehouse/WarehouseSystem.js';
