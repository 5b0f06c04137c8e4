import { randomUUID } from 'node:crypto';
import { EventHub } from '@mallkit/resilience';
import type { Deduplicator } from '../dedup/Deduplicator.js';
import { SyncError } from '../errors/SyncError.js';
import type { DeadLetterRequest, DeliveryOutcome } from '../transport/DeliveryOutcome.js';
import { integerOption } from '../transport/integerOption.js';
import type { MessageTransport, Subscription } from '../transport/MessageTransport.js';
import { requireName } from '../transport/requireName.js';
import type { Delivery, OutgoingMessage } from '../transport/StreamMessage.js';
import type { SubscribeOptions } from '../transport/SubscribeOptions.js';
import type { WriteBehindEvents, WriteBehindTaskEvent } from './WriteBehindEvents.js';
import type { WriteBehindQueueOptions } from './WriteBehindQueueOptions.js';
import type { WriteBehindHandler, WriteBehindTaskInput } from './WriteBehindTask.js';

interface Envelope {
  payload: unknown;
  enqueuedAt: number;
}

/**
 * A durable queue of asynchronous tasks with retries, for write-behind: the hot path
 * records what must be written (a stock deduction taken in Redis by a flash sale, say)
 * and returns; workers write it to the database later. Tasks are messages of a transport
 * topic, so with a `RedisStreamTransport` they survive the process (and, with its
 * `replicas` option, a Redis failover), and workers on several nodes share them.
 *
 * - `enqueue` resolves once the tasks are durably accepted; if it rejects, nothing may be
 *   assumed written: enqueue again (same ids).
 * - Delivery is at least once: a task runs again after a worker crash or failure. Make the
 *   handler idempotent on `task.id` (e.g. a unique order number), or give a deduplicator.
 * - A failing task is retried after `retryDelayMs`, doubling up to `maxRetryDelayMs`;
 *   after `maxAttempts` it moves to the topic's dead-letter stream with the last error,
 *   and the tasks behind it carry on.
 * - Tasks of one key run in order, one at a time; a task that keeps failing holds back
 *   the tasks of its partition until it is dead-lettered.
 * - A message of the queue that is not a task goes to the dead-letter stream, reported
 *   once (`malformed`) when its batch is done: with the batch's redelivery when a task
 *   of the batch failed.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { WriteBehindQueue } from '@mallkit/sync';
 * import { RedisStreamTransport } from '@mallkit/sync/redis';
 * import { Redis } from 'ioredis';
 *
 * interface Deduction { orderNo: string; sku: string; quantity: number }
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const queue = new WriteBehindQueue<Deduction>({
 *   // durable: the tasks outlive the process (with `replicas: 1`, a Redis failover too)
 *   transport: new RedisStreamTransport({ redis, keyPrefix: `doc:${randomUUID()}:`, blockMs: 100 }),
 *   name: 'stock-deductions',
 *   maxAttempts: 10,
 * });
 * // Hot path, right after the Lua script took the stock in Redis:
 * const deduction = { orderNo: 'SO-1', sku: 'sku-1', quantity: 2 };
 * await queue.enqueue({ id: deduction.orderNo, key: deduction.sku, payload: deduction });
 *
 * // Workers, on any node:
 * const table = new Map<string, Deduction>(); // stands for the database table
 * const done = new Promise((resolve) => queue.events.on('done', resolve));
 * const worker = await queue.worker(`writer-${process.pid}`, async ({ id, payload }) => {
 *   table.set(id, payload); // idempotent on the order number: a second run writes the same row
 * });
 * await done;
 * assert.deepEqual(table.get('SO-1'), deduction);
 * await worker.close(); // the task in flight finishes first
 * await redis.quit();
 * ```
 *
 * @group Write-behind
 */
export class WriteBehindQueue<T> {
  /** Typed events, also on `diagnostics_channel` as `mallkit:sync:writebehind:<name>`. */
  readonly events = new EventHub<WriteBehindEvents>('mallkit:sync:writebehind');
  readonly #transport: MessageTransport;
  readonly #name: string;
  readonly #group: string;
  readonly #delivery: SubscribeOptions;
  readonly #dedup: Deduplicator | undefined;

  /** @param options - see {@link WriteBehindQueueOptions} */
  constructor(options: WriteBehindQueueOptions) {
    const component = 'WriteBehindQueue';
    if (!options?.transport)
      throw new SyncError('INVALID_OPTION', `${component}: transport is required`);
    this.#transport = options.transport;
    this.#name = requireName('queue', options.name);
    this.#group = requireName('group', options.group ?? 'write-behind');
    this.#delivery = {
      maxDeliveries: integerOption(component, 'maxAttempts', options.maxAttempts, 5, 1),
      retryDelayMs: integerOption(component, 'retryDelayMs', options.retryDelayMs, 200, 0),
      maxRetryDelayMs: integerOption(
        component,
        'maxRetryDelayMs',
        options.maxRetryDelayMs,
        30_000,
        0,
      ),
      batchSize: integerOption(component, 'batchSize', options.batchSize, 50, 1),
    };
    this.#dedup = options.deduplicator;
  }

  /**
   * Adds tasks; resolves to their ids once the transport durably accepted them.
   * @throws `SyncError` `INVALID_MESSAGE` when a payload is not JSON-serialisable;
   * the transport's error (`TRANSPORT_UNAVAILABLE`) when it failed
   */
  async enqueue(
    tasks: WriteBehindTaskInput<T> | readonly WriteBehindTaskInput<T>[],
  ): Promise<string[]> {
    const list: readonly WriteBehindTaskInput<T>[] = Array.isArray(tasks)
      ? tasks
      : [tasks as WriteBehindTaskInput<T>];
    const enqueuedAt = Date.now();
    const messages: OutgoingMessage[] = list.map((task) => {
      let body: string | undefined;
      try {
        body = JSON.stringify({ payload: task.payload, enqueuedAt } satisfies Envelope);
      } catch (error) {
        throw new SyncError(
          'INVALID_MESSAGE',
          `task payload is not JSON-serialisable: ${String(error)}`,
          {
            cause: error,
          },
        );
      }
      if (typeof task.key !== 'string' || body === undefined) {
        throw new SyncError('INVALID_MESSAGE', 'a task needs a string key and a payload');
      }
      return { key: task.key, id: task.id ?? randomUUID(), body };
    });
    await this.#transport.publish(this.#name, messages);
    this.events.emit('enqueued', { queue: this.#name, tasks: messages.length });
    return messages.map((m) => m.id);
  }

  /**
   * Starts a worker named `name` (unique among the queue's workers, stable across
   * restarts) that runs tasks with `handler`; close the returned subscription to stop it
   * (the task in flight finishes first).
   */
  worker(name: string, handler: WriteBehindHandler<T>): Promise<Subscription> {
    return this.#transport.subscribe(
      this.#name,
      this.#group,
      requireName('worker', name),
      (batch) => this.#run(batch, handler),
      this.#delivery,
    );
  }

  /**
   * Runs a batch. A message that is not a task is only reported (`malformed`) when the
   * batch resolves, since that is when its dead-letter request reaches the transport: if
   * a task or the deduplicator fails on another message of the batch, the whole batch is
   * delivered again (one message at a time) and the malformed one is dead-lettered and
   * reported then, once.
   */
  async #run(
    batch: readonly Delivery[],
    handler: WriteBehindHandler<T>,
  ): Promise<DeliveryOutcome | undefined> {
    const deadLetters: DeadLetterRequest[] = [];
    for (const delivery of batch) {
      let envelope: Envelope;
      try {
        envelope = JSON.parse(delivery.body) as Envelope;
        if (typeof envelope !== 'object' || envelope === null || !('payload' in envelope)) {
          throw new Error('not a task envelope');
        }
      } catch (error) {
        const reason = `not a task: ${error instanceof Error ? error.message : String(error)}`;
        deadLetters.push({ delivery, reason });
        continue;
      }
      const seen = this.#seen(delivery);
      if (this.#dedup && (await this.#dedup.isProcessed(delivery.id))) {
        this.events.emit('duplicate', seen);
        continue;
      }
      const started = Date.now();
      try {
        await handler({
          id: delivery.id,
          key: delivery.key,
          payload: envelope.payload as T,
          enqueuedAt: Number(envelope.enqueuedAt),
          attempt: delivery.deliveries,
        });
      } catch (error) {
        this.events.emit('failed', { ...seen, error });
        throw error;
      }
      await this.#dedup?.markProcessed(delivery.id);
      this.events.emit('done', { ...seen, ms: Date.now() - started });
    }
    if (deadLetters.length === 0) return undefined;
    for (const { delivery, reason } of deadLetters) {
      this.events.emit('malformed', { ...this.#seen(delivery), reason });
    }
    return { deadLetters };
  }

  #seen(delivery: Delivery): WriteBehindTaskEvent {
    const { id, key, deliveries } = delivery;
    return { queue: this.#name, id, key, attempt: deliveries };
  }
}
