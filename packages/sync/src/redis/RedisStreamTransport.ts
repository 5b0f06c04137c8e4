import { EventHub } from '@mallkit/resilience';
import { SyncError } from '../errors/SyncError.js';
import type { ConsumerLag } from '../lag/ConsumerLag.js';
import type { LagSource } from '../lag/LagSource.js';
import type { DeadLetter } from '../transport/DeadLetter.js';
import type { DeadLetterSource } from '../transport/DeadLetterSource.js';
import { type DeliverySettings, deliverySettings } from '../transport/DeliverySettings.js';
import { groupByPartition } from '../transport/groupByPartition.js';
import { integerOption } from '../transport/integerOption.js';
import type {
  DeliveryHandler,
  MessageTransport,
  Subscription,
} from '../transport/MessageTransport.js';
import { PartitionRunner } from '../transport/PartitionRunner.js';
import { PartitionStatsBook } from '../transport/PartitionStatsBook.js';
import { requireName } from '../transport/requireName.js';
import type { OutgoingMessage } from '../transport/StreamMessage.js';
import type { SubscribeOptions } from '../transport/SubscribeOptions.js';
import type { TransportEvents } from '../transport/TransportEvents.js';
import { deadLetterOf } from './deadLetterOf.js';
import { RedisGroupMember } from './RedisGroupMember.js';
import { RedisPartitionLog } from './RedisPartitionLog.js';
import type { RedisStreamClient, RedisStreamPipeline } from './RedisStreamClient.js';
import type { RedisStreamTransportOptions } from './RedisStreamTransportOptions.js';
import { readConsumerLag } from './readConsumerLag.js';
import { StreamKeys } from './StreamKeys.js';
import { streamEntries } from './streamEntries.js';
import { trimScript } from './trimScript.js';

const NAME = 'RedisStreamTransport';

/**
 * The message transport over Redis Streams (Redis >= 6.2; 7 recommended), standalone or
 * Cluster.
 *
 * - **Partitions.** A topic is `partitions` streams `<keyPrefix>{<topic>:<p>}`; a message
 *   goes to partition `fnv1a(key) mod partitions`. Each stream is its own hash tag, so
 *   a topic spreads over a Cluster.
 * - **Groups.** Each subscription is a member of a consumer group (`XGROUP CREATE … 0`:
 *   a new group starts at the oldest kept message). Members share the partitions through
 *   leases, one member per partition at a time, so the messages of one key are handled
 *   in order; one stream read by several members would interleave them. A partition's
 *   next batch is read only after the previous one was acknowledged (`XACK`).
 * - **At least once.** A batch whose handler rejects is redelivered, one message at a
 *   time, after `retryDelayMs` (doubling); after `maxDeliveries` a message moves to the
 *   dead-letter stream `<keyPrefix>{<topic>:dead}` with the reason, and so does an entry
 *   that is not a message. When a member dies, its partitions move to the others once
 *   its leases expire (`leaseMs`), and its pending messages are claimed (`XAUTOCLAIM`,
 *   idle longer than `claimIdleMs`) and handled before anything newer. Handlers must be
 *   idempotent, or deduplicate (see `Deduplicator`).
 * - **Bounded streams.** Entries every group acknowledged are removed
 *   (`XTRIM MINID` to the oldest entry some group still needs), never one still pending.
 * - **Durability.** `publish` resolves once Redis appended the messages and, with
 *   `replicas`, once that many replicas acknowledged them (`WAIT`); otherwise it rejects
 *   with `TRANSPORT_UNAVAILABLE` and the source keeps its checkpoint. Without `replicas`
 *   a failover can lose acknowledged messages (asynchronous replication), and a restart
 *   without persistence loses everything in Redis.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import type { Delivery } from '@mallkit/sync';
 * import { RedisStreamTransport } from '@mallkit/sync/redis';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const transport = new RedisStreamTransport({
 *   redis,
 *   keyPrefix: `doc:${randomUUID()}:`, // fresh keys: this Redis is shared
 *   partitions: 4,
 *   blockMs: 100, // in production also `replicas: 1`: a publish waits for a replica
 * });
 * transport.events.on('deadLettered', (letter) => console.warn(letter.id, letter.reason));
 *
 * const received: Delivery[] = [];
 * const subscription = await transport.subscribe('stock', 'cache', 'node-1', async (batch) => {
 *   received.push(...batch); // resolving acknowledges the batch
 * });
 * const acked = new Promise((resolve) => transport.events.on('acked', resolve));
 * await transport.publish('stock', [{ key: 'sku-1', id: 'change-1', body: '{"qty":3}' }]);
 * await acked;
 * assert.deepEqual(received.map((m) => [m.key, m.id, m.body, m.deliveries]), [
 *   ['sku-1', 'change-1', '{"qty":3}', 1],
 * ]);
 * assert.equal((await transport.consumerLag('stock', 'cache')).messages, 0); // nothing left behind
 * await subscription.close();
 * await redis.quit();
 * ```
 *
 * @group Transport
 */
export class RedisStreamTransport implements MessageTransport, DeadLetterSource, LagSource {
  /** Typed events, also on `diagnostics_channel` as `mallkit:sync:transport:<name>`. */
  readonly events = new EventHub<TransportEvents>('mallkit:sync:transport');
  readonly #redis: RedisStreamClient;
  readonly #keys: StreamKeys;
  readonly #partitions: number;
  readonly #defaults: DeliverySettings;
  readonly #blockMs: number;
  readonly #leaseMs: number;
  readonly #claimIdleMs: number;
  readonly #replicas: number;
  readonly #replicaTimeoutMs: number;
  readonly #publishTimeoutMs: number;
  readonly #trimIntervalMs: number;
  readonly #deadLetterMaxLength: number;
  readonly #stats = new PartitionStatsBook();
  readonly #members = new Map<string, RedisGroupMember>();

  /** @param options - see {@link RedisStreamTransportOptions} */
  constructor(options: RedisStreamTransportOptions) {
    if (!options?.redis) throw new SyncError('INVALID_OPTION', `${NAME}: redis is required`);
    this.#redis = options.redis;
    const prefix = options.keyPrefix ?? 'mallkit:sync:';
    if (/[{}]/.test(prefix)) {
      throw new SyncError('INVALID_OPTION', `${NAME}: keyPrefix must not contain braces`);
    }
    this.#keys = new StreamKeys(prefix);
    const int = (name: keyof RedisStreamTransportOptions, fallback: number, min: number) =>
      integerOption(NAME, name, options[name] as number | undefined, fallback, min);
    this.#partitions = int('partitions', 8, 1);
    this.#defaults = deliverySettings(NAME, options, {
      batchSize: 100,
      maxDeliveries: 5,
      retryDelayMs: 100,
      maxRetryDelayMs: 10_000,
    });
    this.#blockMs = int('blockMs', 2000, 1);
    this.#leaseMs = int('leaseMs', 10_000, 30);
    this.#claimIdleMs = int('claimIdleMs', 10_000, 0);
    this.#replicas = int('replicas', 0, 0);
    this.#replicaTimeoutMs = int('replicaTimeoutMs', 1000, 1);
    this.#publishTimeoutMs = int('publishTimeoutMs', 5000, 1);
    this.#trimIntervalMs = int('trimIntervalMs', 10_000, 0);
    this.#deadLetterMaxLength = int('deadLetterMaxLength', 10_000, 1);
  }

  /**
   * Appends `messages` to their partitions, in order per partition; resolves once Redis
   * (and `replicas` replicas) have them.
   * @throws `SyncError` `TRANSPORT_UNAVAILABLE` when Redis failed, did not answer within
   * `publishTimeoutMs`, or fewer replicas acknowledged: some messages may have been
   * appended anyway, so publish them again (consumers deduplicate)
   */
  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    requireName('topic', topic);
    if (messages.length === 0) return;
    const started = Date.now();
    const byPartition = groupByPartition(messages, this.#partitions);
    // On a Cluster a pipeline must stay within one slot: one per partition. A WAIT at its
    // end travels on the same connection, so it covers exactly these writes.
    const pipelines: RedisStreamPipeline[] = [];
    let current: RedisStreamPipeline | undefined;
    for (const [p, list] of byPartition) {
      if (!current || this.#redis.isCluster === true) {
        current = this.#redis.pipeline();
        pipelines.push(current);
      }
      const stream = this.#keys.partition(topic, p);
      for (const m of list)
        current.call('xadd', stream, '*', 'key', m.key, 'id', m.id, 'body', m.body);
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${this.#publishTimeoutMs} ms`)),
          this.#publishTimeoutMs,
        );
      });
      await Promise.race([
        Promise.all(pipelines.map((pipeline) => this.#send(pipeline))),
        deadline,
      ]);
    } catch (error) {
      this.events.emit('error', { topic, stage: 'publish', error });
      if (error instanceof SyncError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new SyncError('TRANSPORT_UNAVAILABLE', `publish to ${topic} failed: ${reason}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
    this.events.emit('published', {
      topic,
      messages: messages.length,
      partitions: byPartition.size,
      ms: Date.now() - started,
    });
  }

  /**
   * Joins `group` as `consumer` and delivers its share of the topic's partitions to
   * `handler`; resolves once the member took its first share. The consumer name must be
   * unique in the group (a restarted process may reuse its name: it then resumes its own
   * pending messages at once).
   */
  async subscribe(
    topic: string,
    group: string,
    consumer: string,
    handler: DeliveryHandler,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    requireName('topic', topic);
    requireName('group', group);
    requireName('consumer', consumer);
    const id = `${topic}\u0000${group}\u0000${consumer}`;
    if (this.#members.has(id)) {
      throw new SyncError(
        'INVALID_OPTION',
        `consumer ${JSON.stringify(consumer)} is already subscribed to ${topic} in group ${group}`,
      );
    }
    const settings = {
      ...deliverySettings(`${NAME}.subscribe`, options, this.#defaults),
      recoverIntervalMs: Math.max(this.#claimIdleMs, 1000),
      recoverPollMs: Math.min(Math.max(Math.floor(this.#claimIdleMs / 4), 10), 1000),
      trimIntervalMs: this.#trimIntervalMs,
    };
    const member = new RedisGroupMember({
      client: this.#redis,
      keys: this.#keys,
      topic,
      group,
      consumer,
      partitions: this.#partitions,
      leaseMs: this.#leaseMs,
      events: this.events,
      runner: (partition, mayHandle, onLost) => {
        const log = new RedisPartitionLog({
          client: this.#redis,
          stream: this.#keys.partition(topic, partition),
          dead: this.#keys.dead(topic),
          group,
          consumer,
          claimIdleMs: this.#claimIdleMs,
          blockMs: this.#blockMs,
          deadLetterMaxLength: this.#deadLetterMaxLength,
        });
        return new PartitionRunner(log, {
          topic,
          group,
          consumer,
          partition,
          handler,
          settings,
          events: this.events,
          stats: this.#stats.get(topic, group, partition),
          mayHandle,
          onLost,
        });
      },
    });
    this.#members.set(id, member);
    try {
      await member.start();
    } catch (error) {
      this.#members.delete(id);
      await member.close();
      throw error;
    }
    return {
      close: async () => {
        await member.close();
        if (this.#members.get(id) === member) this.#members.delete(id);
      },
    };
  }

  /**
   * Removes, from every partition of `topic`, the entries every consumer group
   * acknowledged (members also do it every `trimIntervalMs`); resolves to how many.
   * Entries still pending for some group, or not yet delivered to it, stay.
   * @throws `SyncError` `INVALID_OPTION` when `topic` is not a valid name
   */
  async trim(topic: string): Promise<number> {
    requireName('topic', topic);
    const removed = await Promise.all(
      Array.from({ length: this.#partitions }, (_, p) =>
        trimScript.run(this.#redis, [this.#keys.partition(topic, p)], []),
      ),
    );
    return removed.reduce<number>((n, r) => n + Number(r), 0);
  }

  /**
   * The oldest `limit` dead letters of `topic`, oldest first (`XRANGE` of its dead-letter
   * stream).
   * @throws `SyncError` `INVALID_OPTION` when `topic` is not a valid name
   */
  async deadLetters(topic: string, limit = 100): Promise<DeadLetter[]> {
    requireName('topic', topic);
    const reply = await this.#redis.call(
      'xrange',
      this.#keys.dead(topic),
      '-',
      '+',
      'COUNT',
      limit,
    );
    return streamEntries(reply).flatMap(({ fields }) => (fields ? [deadLetterOf(fields)] : []));
  }

  /**
   * How far `group` is behind on `topic`, per partition: messages not yet delivered
   * plus delivered but not acknowledged, the age of the oldest of them (by the stream
   * ids, i.e. Redis's clock), the partition's holder, and what this process saw (last
   * acknowledged position, errors). One atomic script per partition; a topic never
   * published to reads as empty and is not created. Also emitted as a `lag` event.
   * @throws `SyncError` `INVALID_OPTION` when `topic` or `group` is not a valid name
   */
  async consumerLag(topic: string, group: string): Promise<ConsumerLag> {
    requireName('topic', topic);
    requireName('group', group);
    const lag = await readConsumerLag(
      this.#redis,
      this.#keys,
      this.#partitions,
      topic,
      group,
      (p) => this.#stats.peek(topic, group, p),
    );
    this.events.emit('lag', lag);
    return lag;
  }

  async #send(pipeline: RedisStreamPipeline): Promise<void> {
    if (this.#replicas > 0) pipeline.call('wait', this.#replicas, this.#replicaTimeoutMs);
    const results = await pipeline.exec();
    if (!results) throw new Error('pipeline discarded');
    for (const [error] of results) if (error) throw error;
    if (this.#replicas > 0) {
      const acked = Number(results[results.length - 1]?.[1]);
      if (!(acked >= this.#replicas)) {
        throw new SyncError(
          'TRANSPORT_UNAVAILABLE',
          `only ${acked} of ${this.#replicas} replicas acknowledged the publish within ${this.#replicaTimeoutMs} ms`,
        );
      }
    }
  }
}
