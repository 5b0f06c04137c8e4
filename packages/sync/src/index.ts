export type { ChangeEvent, ChangeOperation } from './changes/ChangeEvent.js';
export type { CheckpointStore } from './checkpoints/CheckpointStore.js';
export { MemoryCheckpointStore } from './checkpoints/MemoryCheckpointStore.js';
export { isSyncError, SyncError } from './errors/SyncError.js';
export type { SyncErrorCode } from './errors/SyncErrorCode.js';
export type { ChangeSink } from './sources/ChangeSink.js';
export type { ChangeSource } from './sources/ChangeSource.js';
export type {
  DeliveryHandler,
  MessageTransport,
  Subscription,
} from './transport/MessageTransport.js';
export type { Delivery, OutgoingMessage } from './transport/StreamMessage.js';
