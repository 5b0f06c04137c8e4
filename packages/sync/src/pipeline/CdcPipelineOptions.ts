import type { ChangeFilter } from '../filters/ChangeFilter.js';
import type { ChangeFilterOptions } from '../filters/ChangeFilterOptions.js';
import type { ChangeSink } from '../sources/ChangeSink.js';
import type { ChangeSource } from '../sources/ChangeSource.js';
import type { MessageTransport } from '../transport/MessageTransport.js';
import type { TransportSinkOptions } from './TransportSinkOptions.js';

/**
 * Options of {@link CdcPipeline}. Give either `transport` or `sink`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { CdcPipeline, type CdcPipelineOptions, type ChangeEvent, MemoryTransport } from '@mallkit/sync';
 *
 * const insert = (table: string, after: Record<string, unknown>): ChangeEvent => ({
 *   id: `demo:${table}`, source: 'demo', table, op: 'insert', key: String(after['id']), after,
 *   at: 1_000, position: '1',
 * });
 * const transport = new MemoryTransport();
 * const options: CdcPipelineOptions = {
 *   // a BinlogSource, OutboxSource or SnapshotSource of @mallkit/sync/mysql; here a one-shot one
 *   source: {
 *     name: 'demo',
 *     start: (sink) => sink.publish([
 *       insert('shop.products', { id: 1, price: 999, cost_price: 610 }),
 *       insert('shop.audit_log', { id: 7 }),
 *     ]),
 *     stop: async () => {},
 *   },
 *   transport,
 *   filter: { tables: ['shop.products'], excludeColumns: { '*': ['cost_price'] } },
 *   topic: (change) => `cdc.${change.table}`,
 *   encode: (change) => JSON.stringify(change.after), // default: the whole change as JSON
 *   now: () => 1_250,
 * };
 * const bodies: string[] = [];
 * const subscription = await transport.subscribe('cdc.shop.products', 'search', 'node-1',
 *   async (batch) => { bodies.push(...batch.map((message) => message.body)); });
 * const acked = new Promise((resolve) => transport.events.on('acked', resolve));
 * const pipeline = new CdcPipeline(options);
 * await pipeline.start();
 * await acked;
 * assert.deepEqual(bodies, ['{"id":1,"price":999}']);
 * const { published, filtered, lagMs } = pipeline.status();
 * assert.deepEqual([published, filtered, lagMs], [1, 1, 250]);
 * await pipeline.stop();
 * await subscription.close();
 * ```
 *
 * @group Pipeline
 */
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
