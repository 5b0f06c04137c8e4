import { EventHub } from '@mallkit/resilience';
import type { ConsumerLag } from '../lag/ConsumerLag.js';
import type { LagSource } from '../lag/LagSource.js';
import type { PartitionLag } from '../lag/PartitionLag.js';
import type { DeadLetter } from './DeadLetter.js';
import type { DeadLetterSource } from './DeadLetterSource.js';
import { type DeliverySettings, deliverySettings } from './DeliverySettings.js';
import { groupByPartition } from './groupByPartition.js';
import { integerOption } from './integerOption.js';
import { MemoryGroup, type MemoryMember } from './MemoryGroup.js';
import { MemoryPartition } from './MemoryPartition.js';
import { MemoryPartitionLog } from './MemoryPartitionLog.js';
import type { MemoryTransportOptions } from './MemoryTransportOptions.js';
import type { DeliveryHandler, MessageTransport, Subscription } from './MessageTransport.js';
import { PartitionRunner } from './PartitionRunner.js';
import { PartitionStatsBook } from './PartitionStatsBook.js';
import { requireName } from './requireName.js';
import type { OutgoingMessage } from './StreamMessage.js';
import type { SubscribeOptions } from './SubscribeOptions.js';
import type { TransportEvents } from './TransportEvents.js';

interface Topic {
  partitions: MemoryPartition[];
  groups: Map<string, MemoryGroup>;
  deadLetters: DeadLetter[];
}

/**
 * The message transport in process memory, for tests and the embedded mode (one process,
 * no Redis). Same contract as the Redis Streams transport: topics partitioned by key,
 * consumer groups whose members share the partitions (one member per partition at a
 * time, so the messages of a key are handled in order), at-least-once delivery with
 * redelivery after a failed batch, a dead-letter list after `maxDeliveries`, entries
 * dropped once every group acknowledged them. Nothing survives the process: a source
 * feeding it must keep its checkpoint behind what consumers finished, or accept replays.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type Delivery, MemoryTransport } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport({ partitions: 4 });
 * const received: Delivery[] = [];
 * const acked = new Promise<void>((resolve) => transport.events.on('acked', () => resolve()));
 * const subscription = await transport.subscribe('orders', 'mailer', 'node-1', async (batch) => {
 *   received.push(...batch);
 * });
 * await transport.publish('orders', [{ key: 'order-1', id: 'e-1', body: '{"paid":true}' }]);
 * await acked; // handled and acknowledged by the group
 * assert.deepEqual(
 *   received.map((m) => [m.key, m.id, m.body]),
 *   [['order-1', 'e-1', '{"paid":true}']],
 * );
 * assert.equal((await transport.consumerLag('orders', 'mailer')).messages, 0);
 * await subscription.close();
 * ```
 *
 * @group Transport
 */
export class MemoryTransport implements MessageTransport, DeadLetterSource, LagSource {
  /** Typed events, also on `diagnostics_channel` as `mallkit:sync:transport:<name>`. */
  readonly events = new EventHub<TransportEvents>('mallkit:sync:transport');
  readonly #partitions: number;
  readonly #defaults: DeliverySettings;
  readonly #deadLetterMaxLength: number;
  readonly #topics = new Map<string, Topic>();
  readonly #stats = new PartitionStatsBook();

  /** @param options - see {@link MemoryTransportOptions} */
  constructor(options: MemoryTransportOptions = {}) {
    const name = 'MemoryTransport';
    this.#partitions = integerOption(name, 'partitions', options.partitions, 8, 1);
    this.#defaults = deliverySettings(name, options, {
      batchSize: 100,
      maxDeliveries: 5,
      retryDelayMs: 100,
      maxRetryDelayMs: 10_000,
    });
    this.#deadLetterMaxLength = integerOption(
      name,
      'deadLetterMaxLength',
      options.deadLetterMaxLength,
      10_000,
      1,
    );
  }

  /** Appends `messages` to their partitions; resolves at once. */
  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    const t = this.#topic(requireName('topic', topic));
    const started = Date.now();
    const byPartition = groupByPartition(messages, this.#partitions);
    const at = Date.now();
    for (const [p, list] of byPartition) t.partitions[p]?.append(list, at);
    if (messages.length > 0) {
      this.events.emit('published', {
        topic,
        messages: messages.length,
        partitions: byPartition.size,
        ms: Date.now() - started,
      });
    }
  }

  /**
   * Joins `group` as `consumer` and delivers its share of the partitions to `handler`.
   * Resolves once this member runs. A consumer name may be subscribed once per group.
   */
  async subscribe(
    topic: string,
    group: string,
    consumer: string,
    handler: DeliveryHandler,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    const t = this.#topic(requireName('topic', topic));
    requireName('group', group);
    requireName('consumer', consumer);
    const settings = {
      ...deliverySettings('MemoryTransport.subscribe', options, this.#defaults),
      recoverIntervalMs: 1000,
      recoverPollMs: 10,
      trimIntervalMs: 0,
    };
    let g = t.groups.get(group);
    if (!g) {
      g = new MemoryGroup(this.#partitions);
      t.groups.set(group, g);
    }
    const member: MemoryMember = {
      consumer,
      runners: new Map(),
      assigned: (partition) => this.events.emit('assigned', { topic, group, consumer, partition }),
      released: (partition, reason) =>
        this.events.emit('released', { topic, group, consumer, partition, reason }),
      runner: (partition) => {
        const log = new MemoryPartitionLog(
          t.partitions[partition] as MemoryPartition,
          group,
          consumer,
          (letter) => {
            t.deadLetters.push(letter);
            if (t.deadLetters.length > this.#deadLetterMaxLength) t.deadLetters.shift();
          },
        );
        return new PartitionRunner(log, {
          topic,
          group,
          consumer,
          partition,
          handler,
          settings,
          events: this.events,
          stats: this.#stats.get(topic, group, partition),
          mayHandle: () => true,
          onLost: () => {},
        });
      },
    };
    await g.join(member);
    let closed: Promise<void> | undefined;
    const joined = g;
    return {
      close: () => {
        closed ??= joined.leave(member);
        return closed;
      },
    };
  }

  /**
   * Removes the entries every group acknowledged (done after every acknowledgement
   * anyway); resolves to how many. A topic never published to has none and is not
   * created.
   * @throws `SyncError` `INVALID_OPTION` when `topic` is not a valid name
   */
  async trim(topic: string): Promise<number> {
    const t = this.#topics.get(requireName('topic', topic));
    return (t?.partitions ?? []).reduce((n, partition) => n + partition.trim(), 0);
  }

  /**
   * The oldest `limit` dead letters of `topic`, oldest first.
   * @throws `SyncError` `INVALID_OPTION` when `topic` is not a valid name
   */
  async deadLetters(topic: string, limit = 100): Promise<DeadLetter[]> {
    requireName('topic', topic);
    return (this.#topics.get(topic)?.deadLetters ?? []).slice(0, limit).map((l) => ({ ...l }));
  }

  /**
   * How far `group` is behind on `topic`, per partition: messages not yet delivered plus
   * delivered but not acknowledged, the age of the oldest of them, the partition's
   * holder, and what this transport saw (last acknowledged position, errors). A topic
   * never published to nor subscribed to reads as empty and is not created. Also emitted
   * as a `lag` event.
   * @throws `SyncError` `INVALID_OPTION` when `topic` or `group` is not a valid name
   */
  async consumerLag(topic: string, group: string): Promise<ConsumerLag> {
    requireName('topic', topic);
    requireName('group', group);
    const now = Date.now();
    const t = this.#topics.get(topic);
    const members = t?.groups.get(group);
    const partitions = Array.from({ length: this.#partitions }, (_, p): PartitionLag => {
      const partition = t?.partitions[p];
      const cursor = partition?.peekCursor(group);
      const lastDelivered = cursor?.lastDelivered ?? 0;
      const undelivered = (partition?.lastSeq ?? 0) - lastDelivered;
      let oldest = undelivered > 0 ? lastDelivered + 1 : undefined;
      for (const seq of cursor?.pending.keys() ?? []) oldest = Math.min(oldest ?? seq, seq);
      const at = oldest === undefined ? undefined : partition?.entry(oldest)?.at;
      const stats = this.#stats.peek(topic, group, p);
      const lag: PartitionLag = {
        partition: p,
        messages: undelivered + (cursor?.pending.size ?? 0),
        undelivered,
        pending: cursor?.pending.size ?? 0,
        seconds: at === undefined ? 0 : Math.max(0, now - at) / 1000,
        lastDeliveredId: lastDelivered > 0 ? String(lastDelivered) : '',
        errors: stats?.errors ?? 0,
      };
      const owner = members?.holder(p);
      if (owner !== undefined) lag.owner = owner;
      if (stats?.lastAckedId !== undefined) lag.lastAckedId = stats.lastAckedId;
      if (stats?.lastAckedAt !== undefined) lag.lastAckedAt = stats.lastAckedAt;
      return lag;
    });
    const lag: ConsumerLag = {
      topic,
      group,
      messages: partitions.reduce((n, p) => n + p.messages, 0),
      seconds: partitions.reduce((n, p) => Math.max(n, p.seconds), 0),
      errors: partitions.reduce((n, p) => n + p.errors, 0),
      partitions,
      at: now,
    };
    this.events.emit('lag', lag);
    return lag;
  }

  #topic(name: string): Topic {
    let topic = this.#topics.get(name);
    if (!topic) {
      topic = {
        partitions: Array.from({ length: this.#partitions }, () => new MemoryPartition()),
        groups: new Map(),
        deadLetters: [],
      };
      this.#topics.set(name, topic);
    }
    return topic;
  }
}
