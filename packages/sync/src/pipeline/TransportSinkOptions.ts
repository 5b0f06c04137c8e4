import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { MessageTransport } from '../transport/MessageTransport.js';

/**
 * Options of {@link TransportSink}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ChangeEvent, MemoryTransport, TransportSink, type TransportSinkOptions } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport();
 * const options: TransportSinkOptions = {
 *   transport,
 *   topic: 'cdc.stock', // one topic for every table (default: one per table)
 *   encode: (change) => `${change.table} ${change.key} ${JSON.stringify(change.after)}`,
 * };
 * const bodies: string[] = [];
 * const subscription = await transport.subscribe('cdc.stock', 'audit', 'node-1',
 *   async (batch) => { bodies.push(...batch.map((message) => message.body)); });
 * const acked = new Promise((resolve) => transport.events.on('acked', resolve));
 *
 * const change = (table: string, qty: number): ChangeEvent => ({
 *   id: `${table}:${qty}`, source: 'binlog', table, op: 'update', key: 'sku-1',
 *   after: { qty }, at: Date.now(), position: String(qty),
 * });
 * await new TransportSink(options).publish([change('shop.stock', 9), change('shop.reserved', 2)]);
 * await acked;
 * assert.deepEqual(bodies, ['shop.stock sku-1 {"qty":9}', 'shop.reserved sku-1 {"qty":2}']);
 * await subscription.close();
 * ```
 *
 * @group Pipeline
 */
export interface TransportSinkOptions {
  /** Where the changes go, e.g. the Redis Streams transport of `@mallkit/sync/redis`. */
  transport: MessageTransport;
  /**
   * The topic of a change: a fixed name, or a function of the change (one topic
   * per table, per aggregate type, ...). Changes of one key must map to one topic
   * for their order to hold end to end.
   * @default (change) => change.table, i.e. one topic per table (outbox events: per topic)
   */
  topic?: string | ((change: ChangeEvent) => string);
  /**
   * Encodes a change into the message body.
   * @default JSON.stringify of the whole change (Dates as ISO strings, Buffers as `{type,data}`, bigints as strings)
   */
  encode?: (change: ChangeEvent) => string;
}
