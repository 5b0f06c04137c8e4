import type { ConsumerLag } from '../lag/ConsumerLag.js';
import type { DeadLetter } from './DeadLetter.js';

/**
 * Where a consumer group's member works: a partition of a topic.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, type PartitionEvent } from '@mallkit/sync';
 *
 * const where = (e: PartitionEvent) => `${e.topic}#${e.partition} ${e.group}/${e.consumer}`;
 * const transport = new MemoryTransport({ partitions: 2 });
 * const log: string[] = [];
 * transport.events.on('assigned', (e) => log.push(`assigned ${where(e)}`));
 * transport.events.on('released', (e) => log.push(`released ${where(e)}`));
 * const subscription = await transport.subscribe('orders', 'mailer', 'node-1', async () => {});
 * await subscription.close();
 * assert.deepEqual([...log].sort(), [
 *   'assigned orders#0 mailer/node-1',
 *   'assigned orders#1 mailer/node-1',
 *   'released orders#0 mailer/node-1',
 *   'released orders#1 mailer/node-1',
 * ]);
 * ```
 *
 * @group Transport
 */
export interface PartitionEvent {
  /** The topic. */
  topic: string;
  /** The consumer group. */
  group: string;
  /** The member of the group. */
  consumer: string;
  /** The partition. */
  partition: number;
}

/**
 * Messages were appended to a topic.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, partitionOf, type PublishedEvent } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ partitions: 4 });
 * const events: PublishedEvent[] = [];
 * transport.events.on('published', (event) => events.push(event));
 * const keys = ['sku-1', 'sku-2', 'sku-3'];
 * await transport.publish('stock', keys.map((key, i) => ({ key, id: `s-${i}`, body: '1' })));
 * const [event] = events;
 * assert.equal(event?.topic, 'stock');
 * assert.equal(event?.messages, 3);
 * assert.equal(event?.partitions, new Set(keys.map((key) => partitionOf(key, 4))).size);
 * assert.ok((event?.ms ?? -1) >= 0);
 * ```
 *
 * @group Transport
 */
export interface PublishedEvent {
  /** The topic. */
  topic: string;
  /** How many messages. */
  messages: number;
  /** How many partitions they went to. */
  partitions: number;
  /** How long the publish took, in ms (replication wait included). */
  ms: number;
}

/**
 * A batch was handed to a handler.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DeliveredEvent, MemoryTransport } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ retryDelayMs: 1 });
 * const delivered: DeliveredEvent[] = [];
 * transport.events.on('delivered', (event) => delivered.push(event));
 * const acked = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * let calls = 0;
 * const subscription = await transport.subscribe('refunds', 'payments', 'node-1', async () => {
 *   calls += 1;
 *   if (calls === 1) throw new Error('payment provider timed out');
 * });
 * await transport.publish('refunds', [{ key: 'order-4', id: 'rf-4', body: '{}' }]);
 * await acked;
 * assert.deepEqual(
 *   delivered.map((event) => [event.messages, event.redelivery]),
 *   [[1, false], [1, true]], // the second one is the retry
 * );
 * await subscription.close();
 * ```
 *
 * @group Transport
 */
export interface DeliveredEvent extends PartitionEvent {
  /** How many messages. */
  messages: number;
  /** Whether it is a redelivery (of a failed batch or of a dead consumer's message). */
  redelivery: boolean;
}

/**
 * A handled batch was acknowledged.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type AckedEvent, MemoryTransport } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ partitions: 1 });
 * const acked = new Promise<AckedEvent>((resolve) => transport.events.on('acked', resolve));
 * const subscription = await transport.subscribe('audit', 'archive', 'node-1', async () => {});
 * await transport.publish('audit', [
 *   { key: 'user-1', id: 'a-1', body: 'login' },
 *   { key: 'user-1', id: 'a-2', body: 'order' },
 *   { key: 'user-1', id: 'a-3', body: 'logout' },
 * ]);
 * const event = await acked;
 * assert.deepEqual([event.topic, event.group, event.partition], ['audit', 'archive', 0]);
 * assert.equal(event.messages, 3);
 * assert.equal(event.lastEntryId, '3'); // in memory, positions count from 1
 * const lag = await transport.consumerLag('audit', 'archive');
 * assert.equal(lag.partitions[0]?.lastAckedId, event.lastEntryId); // the group's checkpoint
 * await subscription.close();
 * ```
 *
 * @group Transport
 */
export interface AckedEvent extends PartitionEvent {
  /** How many messages. */
  messages: number;
  /** Position of the last of them: the group's checkpoint in the partition. */
  lastEntryId: string;
}

/**
 * Messages another member left pending (it died, or lost the partition) were taken over.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ClaimedEvent, MemoryTransport } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ partitions: 1 });
 * const failed = new Promise<void>((resolve) => transport.events.on('error', () => resolve()));
 * const node1 = await transport.subscribe('orders', 'erp', 'node-1', async () => {
 *   throw new Error('ERP unreachable from node-1');
 * });
 * await transport.publish('orders', [{ key: 'order-6', id: 'o-6', body: '{}' }]);
 * await failed;
 * await node1.close(); // node-1 goes away: order-6 stays pending, delivered to it once
 *
 * const claimed = new Promise<ClaimedEvent>((resolve) => transport.events.on('claimed', resolve));
 * const acked = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * const deliveries: number[] = [];
 * const node2 = await transport.subscribe('orders', 'erp', 'node-2', async (batch) => {
 *   for (const message of batch) deliveries.push(message.deliveries);
 * });
 * const event = await claimed;
 * assert.deepEqual([event.consumer, event.messages], ['node-2', 1]);
 * await acked;
 * assert.deepEqual(deliveries, [2]);
 * await node2.close();
 * ```
 *
 * @group Transport
 */
export interface ClaimedEvent extends PartitionEvent {
  /** How many messages. */
  messages: number;
}

/**
 * A member took a partition over (`assigned`) or gave it up (`released`).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type AssignmentEvent, MemoryTransport } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ partitions: 2 });
 * const log: string[] = [];
 * const record = (what: string) => (e: AssignmentEvent) =>
 *   log.push(`${e.consumer} ${what} ${e.partition}${e.reason ? ` (${e.reason})` : ''}`);
 * transport.events.on('assigned', record('took'));
 * transport.events.on('released', record('gave up'));
 * const handler = async () => {};
 * const node1 = await transport.subscribe('orders', 'mailer', 'node-1', handler);
 * assert.deepEqual(log.splice(0), ['node-1 took 0', 'node-1 took 1']);
 * const node2 = await transport.subscribe('orders', 'mailer', 'node-2', handler);
 * assert.deepEqual(log.splice(0), ['node-1 gave up 1 (rebalance)', 'node-2 took 1']);
 * await node2.close();
 * assert.deepEqual(log.splice(0), ['node-2 gave up 1 (closed)', 'node-1 took 1']);
 * await node1.close();
 * ```
 *
 * @group Transport
 */
export interface AssignmentEvent extends PartitionEvent {
  /** Why it was released: the group rebalanced, the lease was lost, or the subscription closed. */
  reason?: 'rebalance' | 'lost' | 'closed';
}

/**
 * What the transport was doing when an error happened.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, type TransportStage } from '@mallkit/sync';
 *
 * // page someone when delivery itself is in trouble; a failing handler is the application's
 * const severity: Record<TransportStage, 'page' | 'warn'> = {
 *   publish: 'page', read: 'page', ack: 'page', claim: 'page', deadLetter: 'page',
 *   handler: 'warn', lease: 'warn', trim: 'warn', lag: 'warn',
 * };
 * const transport = new MemoryTransport();
 * const alerts: string[] = [];
 * const failed = new Promise<void>((resolve) => {
 *   transport.events.on('error', ({ stage }) => {
 *     alerts.push(`${severity[stage]}: ${stage}`);
 *     resolve();
 *   });
 * });
 * const subscription = await transport.subscribe('orders', 'crm', 'node-1', async () => {
 *   throw new Error('CRM is down');
 * });
 * await transport.publish('orders', [{ key: 'order-1', id: 'o-1', body: '{}' }]);
 * await failed;
 * await subscription.close();
 * assert.deepEqual(alerts, ['warn: handler']);
 * ```
 *
 * @group Transport
 */
export type TransportStage =
  | 'publish'
  | 'read'
  | 'ack'
  | 'claim'
  | 'deadLetter'
  | 'handler'
  | 'lease'
  | 'trim'
  | 'lag';

/**
 * Something failed; the transport retries on its own (a failed publish is the caller's to retry).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, type TransportErrorEvent } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport();
 * const failure = new Promise<TransportErrorEvent>((resolve) => {
 *   transport.events.on('error', resolve);
 * });
 * const subscription = await transport.subscribe('orders', 'crm', 'node-1', async () => {
 *   throw new Error('CRM rejected the order');
 * });
 * await transport.publish('orders', [{ key: 'order-2', id: 'o-2', body: '{}' }]);
 * const event = await failure;
 * await subscription.close(); // the message stays pending for the group
 * assert.equal(event.stage, 'handler');
 * assert.deepEqual([event.topic, event.group, event.consumer], ['orders', 'crm', 'node-1']);
 * assert.ok(event.error instanceof Error);
 * assert.equal(event.error.message, 'CRM rejected the order');
 * ```
 *
 * @group Transport
 */
export interface TransportErrorEvent {
  /** The topic. */
  topic: string;
  /** The consumer group, when a subscription failed. */
  group?: string;
  /** The member of the group, when a subscription failed. */
  consumer?: string;
  /** The partition, when one was involved. */
  partition?: number;
  /** What was being done. */
  stage: TransportStage;
  /** The failure. */
  error: unknown;
}

/**
 * Typed events of a transport, also published on `diagnostics_channel` as
 * `mallkit:sync:transport:<name>`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import diagnostics from 'node:diagnostics_channel';
 * import { MemoryTransport, type PublishedEvent, type TransportEvents } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport();
 * const seen: Array<keyof TransportEvents> = [];
 * for (const name of ['published', 'delivered', 'acked'] as const) {
 *   transport.events.on(name, () => seen.push(name));
 * }
 * // every transport's events, e.g. for a metrics exporter that holds no reference to them
 * const published: PublishedEvent[] = [];
 * const onPublished = (message: unknown) => published.push(message as PublishedEvent);
 * diagnostics.subscribe('mallkit:sync:transport:published', onPublished);
 *
 * const acked = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * const subscription = await transport.subscribe('doc-events', 'search', 'node-1', async () => {});
 * await transport.publish('doc-events', [{ key: 'sku-1', id: 'e-1', body: '{}' }]);
 * await acked;
 * diagnostics.unsubscribe('mallkit:sync:transport:published', onPublished);
 * await subscription.close();
 * assert.deepEqual(seen, ['published', 'delivered', 'acked']);
 * assert.ok(published.some((event) => event.topic === 'doc-events'));
 * ```
 *
 * @group Transport
 */
export interface TransportEvents {
  /** Messages were appended. */
  published: PublishedEvent;
  /** A batch was handed to a handler. */
  delivered: DeliveredEvent;
  /** A batch was acknowledged. */
  acked: AckedEvent;
  /** Pending messages of another member were taken over. */
  claimed: ClaimedEvent;
  /** A message was moved to the dead-letter stream. */
  deadLettered: DeadLetter;
  /** A member took a partition over. */
  assigned: AssignmentEvent;
  /** A member gave a partition up. */
  released: AssignmentEvent;
  /** Something failed. */
  error: TransportErrorEvent;
  /** A group's lag was measured. */
  lag: ConsumerLag;
}
