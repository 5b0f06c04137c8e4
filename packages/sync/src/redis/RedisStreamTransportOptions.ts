import type { RedisStreamClient } from './RedisStreamClient.js';

/**
 * Settings of a {@link RedisStreamTransport}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import type { DeadLetter } from '@mallkit/sync';
 * import { RedisStreamTransport, type RedisStreamTransportOptions } from '@mallkit/sync/redis';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const options: RedisStreamTransportOptions = {
 *   redis, // yours: never closed by the transport
 *   keyPrefix: `doc:${randomUUID()}:`, // streams are '<keyPrefix>{<topic>:<partition>}'
 *   partitions: 4, // every publisher and consumer of a topic must agree on it
 *   batchSize: 50,
 *   blockMs: 100, // how long a read waits for new messages
 *   maxDeliveries: 2, // then a message moves to the dead-letter stream
 *   retryDelayMs: 10,
 *   maxRetryDelayMs: 1_000,
 *   replicas: 0, // 1: each publish waits until a replica has it (WAIT)
 *   publishTimeoutMs: 2_000,
 * };
 * const transport = new RedisStreamTransport(options);
 * const deadLettered = new Promise<DeadLetter>((resolve) => transport.events.on('deadLettered', resolve));
 * const subscription = await transport.subscribe('payments', 'ledger', 'node-1', async () => {
 *   throw new Error('ledger rejects it');
 * });
 * await transport.publish('payments', [{ key: 'P-1', id: 'pay-1', body: '{"cents":100}' }]);
 * const letter = await deadLettered;
 * assert.deepEqual([letter.id, letter.deliveries], ['pay-1', 2]);
 * assert.match(letter.reason, /ledger rejects it/);
 * assert.equal((await transport.deadLetters('payments'))[0]?.id, 'pay-1'); // kept for replay
 * await subscription.close();
 * await redis.quit();
 * ```
 *
 * @group Transport
 */
export interface RedisStreamTransportOptions {
  /**
   * Your ioredis `Redis` or `Cluster` (or any {@link RedisStreamClient}). Yours: the
   * transport never closes it; it opens one connection of its own per partition it
   * consumes (`duplicate()`), for the blocking reads, and closes those. Keep its
   * `commandTimeout` (if any) above `blockMs`. Required.
   */
  redis: RedisStreamClient;
  /**
   * Prefix of every key. Partition `p` of a topic is the stream `<keyPrefix>{<topic>:<p>}`,
   * its dead letters `<keyPrefix>{<topic>:dead}`.
   * @default 'mallkit:sync:'
   */
  keyPrefix?: string;
  /**
   * Partitions per topic (integer >= 1): a message goes to partition
   * `fnv1a(key) mod partitions`, and each partition is consumed by one member of a group at
   * a time, so the messages of a key are handled in order. More partitions spread the
   * load over more members (and Cluster nodes). Every publisher and consumer of a topic
   * must use the same number; changing it reorders keys in flight.
   * @default 8
   */
  partitions?: number;
  /**
   * Most messages handed to a handler at once (`COUNT` of `XREADGROUP`, integer >= 1).
   * @default 100
   */
  batchSize?: number;
  /**
   * How long one read waits for new messages, in ms (`BLOCK` of `XREADGROUP`,
   * integer >= 1). Keep it well below `leaseMs`.
   * @default 2000
   */
  blockMs?: number;
  /**
   * Deliveries of one message before it moves to the dead-letter stream (integer >= 1).
   * @default 5
   */
  maxDeliveries?: number;
  /**
   * Wait before redelivering after a handler failed, in ms; doubled on each further
   * delivery of the message, up to `maxRetryDelayMs` (integer >= 0). Also the first wait
   * after a Redis error.
   * @default 100
   */
  retryDelayMs?: number;
  /**
   * Longest wait before a redelivery or a retry after a Redis error, in ms (integer >= 0).
   * @default 10000
   */
  maxRetryDelayMs?: number;
  /**
   * How long a member holds a partition without renewing it, in ms (integer >= 30). A
   * member renews its partitions every `leaseMs / 3`; a dead member's partitions go to
   * the others after at most `leaseMs`.
   * @default 10000
   */
  leaseMs?: number;
  /**
   * How long a message must have been pending at another member before this one takes
   * it over (`XAUTOCLAIM` min-idle), in ms (integer >= 0). A member that takes a
   * partition over waits for these first, so the partition stays in order.
   * @default 10000
   */
  claimIdleMs?: number;
  /**
   * Replicas that must acknowledge a publish (`WAIT`, integer >= 0). When fewer do
   * within `replicaTimeoutMs`, the publish rejects with `TRANSPORT_UNAVAILABLE` so the
   * source keeps its checkpoint and sends again: Redis replicates asynchronously, and a
   * failover can lose a write its replicas had not received.
   * @default 0
   */
  replicas?: number;
  /**
   * How long a publish waits for `replicas`, in ms (integer >= 1).
   * @default 1000
   */
  replicaTimeoutMs?: number;
  /**
   * Deadline of a publish, in ms (integer >= 1); past it the publish rejects with
   * `TRANSPORT_UNAVAILABLE`. The commands may still run later (the client queues them
   * while reconnecting): the messages then appear twice, which consumers deduplicate.
   * @default 5000
   */
  publishTimeoutMs?: number;
  /**
   * How often a member removes the entries every group acknowledged from the partitions
   * it consumes, in ms (integer >= 0; 0 never). Entries pending for any group are never
   * removed.
   * @default 10000
   */
  trimIntervalMs?: number;
  /**
   * Dead letters kept per topic (integer >= 1, approximate: `XADD MAXLEN ~`).
   * @default 10000
   */
  deadLetterMaxLength?: number;
}
