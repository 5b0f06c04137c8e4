import type { ChangeFilter } from '../filters/ChangeFilter.js';
import type { ChangeFilterOptions } from '../filters/ChangeFilterOptions.js';
import type { ChangeSink } from '../sources/ChangeSink.js';
import type { ChangeSource } from '../sources/ChangeSource.js';
import type { MessageTransport } from '../transport/MessageTransport.js';
import type { TransportSinkOptions } from './TransportSinkOptions.js';

/** Options of {@link CdcPipeline}. Give either `transport` or `sink`. */
export interface CdcPipelineOptions {
  /** Where changes come from: a BinlogSource, OutboxSource or SnapshotSource of `@mallkit/sync/mysql`, or your own. */
  source: ChangeSource;
  /**
   * Where changes go, wrapped in a {@link TransportSink} with `topic` and `encode`.
   * @default none: `sink` is used
   */
  transport?: MessageTransport;
  /**
   * Where changes go when they do not go to a transport (tests, a custom target).
   * @default none: `transport` is used
   */
  sink?: ChangeSink;
  /**
   * The topic of each change (with `transport` only), see {@link TransportSinkOptions.topic}.
   * @default (change) => change.table
   */
  topic?: TransportSinkOptions['topic'];
  /**
   * The message body of each change (with `transport` only), see {@link TransportSinkOptions.encode}.
   * @default JSON.stringify of the change
   */
  encode?: TransportSinkOptions['encode'];
  /**
   * Which changes are published and which columns they show; dropped changes are
   * still acknowledged to the source, so it checkpoints past them.
   * @default everything passes unchanged
   */
  filter?: ChangeFilter | ChangeFilterOptions;
  /**
   * Wall clock in epoch ms, for the status times and lag.
   * @default Date.now
   */
  now?: () => number;
}
