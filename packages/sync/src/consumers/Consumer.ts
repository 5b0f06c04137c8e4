import { EventHub } from '@mallkit/resilience';
import type { ChangeEvent } from '../changes/ChangeEvent.js';
import type { Deduplicator } from '../dedup/Deduplicator.js';
import { SyncError } from '../errors/SyncError.js';
import type { ConsumerLag } from '../lag/ConsumerLag.js';
import type { LagSource } from '../lag/LagSource.js';
import type { DeadLetterRequest, DeliveryOutcome } from '../transport/DeliveryOutcome.js';
import type { MessageTransport, Subscription } from '../transport/MessageTransport.js';
import { requireName } from '../transport/requireName.js';
import type { Delivery } from '../transport/StreamMessage.js';
import type { ChangeHandler } from './ChangeHandler.js';
import type { ConsumerEvents } from './ConsumerEvents.js';
import type { ConsumerOptions } from './ConsumerOptions.js';
import type { ConsumerStats } from './ConsumerStats.js';
import { decodeChangeEvent } from './decodeChangeEvent.js';

/**
 * Consumes the changes of a topic as a member of a consumer group: decodes each message
 * into a {@link ChangeEvent}, skips it when the deduplicator says it was processed, runs
 * the handler, then marks it processed. Delivery is at least once: a handler failure
 * leaves the change for redelivery (and, after the transport's `maxDeliveries`, the
 * dead-letter stream); a message that does not decode goes to the dead-letter stream
 * with the reason once its batch is done (with the batch's redelivery when another of
 * its messages failed) and the consumer carries on. Changes of one key are handled in
 * order.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   type ChangeEvent, Consumer, MemoryDeduplicator, MemoryTransport, TransportSink,
 * } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport(); // RedisStreamTransport across processes
 * const mailed: string[] = [];
 * const consumer = new Consumer({
 *   transport,
 *   topic: 'shop.orders',
 *   group: 'mailer',
 *   name: 'node-1',
 *   deduplicator: new MemoryDeduplicator(),
 *   handler: async (change) => {
 *     mailed.push(`receipt for ${change.key}`);
 *   },
 * });
 * const skipped = new Promise<void>((resolve) => consumer.events.on('duplicate', () => resolve()));
 * await consumer.start();
 *
 * const paid: ChangeEvent = {
 *   id: 'outbox:17', source: 'outbox', table: 'shop.orders', op: 'event', key: 'order-17',
 *   after: { status: 'paid' }, at: Date.now(), position: '17',
 * };
 * await new TransportSink({ transport }).publish([paid, paid]); // at least once: twice here
 * await skipped;
 * assert.deepEqual(mailed, ['receipt for order-17']); // one mail all the same
 * assert.equal(consumer.stats().duplicates, 1);
 * await consumer.stop();
 * ```
 *
 * @group Consumers
 */
export class Consumer {
  /** Typed events, also on `diagnostics_channel` as `mallkit:sync:consumer:<name>`. */
  readonly events = new EventHub<ConsumerEvents>('mallkit:sync:consumer');
  readonly #transport: MessageTransport;
  readonly #topic: string;
  readonly #group: string;
  readonly #name: string;
  readonly #handler: ChangeHandler;
  readonly #dedup: Deduplicator | undefined;
  readonly #decode: (body: string) => ChangeEvent;
  readonly #options: ConsumerOptions;
  readonly #stats: ConsumerStats = { handled: 0, duplicates: 0, malformed: 0, failed: 0 };
  #subscription: Promise<Subscription> | undefined;

  /** @param options - see {@link ConsumerOptions} */
  constructor(options: ConsumerOptions) {
    if (!options?.transport)
      throw new SyncError('INVALID_OPTION', 'Consumer: transport is required');
    if (typeof options.handler !== 'function') {
      throw new SyncError('INVALID_OPTION', 'Consumer: handler is required');
    }
    this.#transport = options.transport;
    this.#topic = requireName('topic', options.topic);
    this.#group = requireName('group', options.group);
    this.#name = requireName('consumer', options.name);
    this.#handler = options.handler;
    this.#dedup = options.deduplicator;
    this.#decode = options.decode ?? decodeChangeEvent;
    this.#options = options;
  }

  /** Subscribes; resolves once the member runs. Calling it again does nothing. */
  async start(): Promise<void> {
    this.#subscription ??= this.#transport.subscribe(
      this.#topic,
      this.#group,
      this.#name,
      (batch) => this.#consume(batch),
      this.#options.delivery ?? {},
    );
    try {
      await this.#subscription;
    } catch (error) {
      this.#subscription = undefined;
      throw error;
    }
  }

  /** Stops: waits for the batch in flight; what is not done stays pending for redelivery. */
  async stop(): Promise<void> {
    const subscription = this.#subscription;
    this.#subscription = undefined;
    if (subscription) await (await subscription).close();
  }

  /** Counters since the consumer was built. */
  stats(): ConsumerStats {
    return { ...this.#stats };
  }

  /**
   * How far the group is behind on the topic (messages and seconds, per partition).
   * @throws `SyncError` `INVALID_OPTION` when the transport cannot tell
   */
  async lag(): Promise<ConsumerLag> {
    const source = this.#transport as Partial<LagSource>;
    if (typeof source.consumerLag !== 'function') {
      throw new SyncError('INVALID_OPTION', 'Consumer: the transport does not report lag');
    }
    return source.consumerLag.call(this.#transport, this.#topic, this.#group);
  }

  /**
   * Handles a batch. A message that does not decode is only counted and reported
   * (`malformed`) when the batch resolves, since that is when its dead-letter request
   * reaches the transport: if a handler or the deduplicator fails on another message of
   * the batch, the whole batch is delivered again (one message at a time) and the
   * malformed one is dead-lettered, counted and reported then, once.
   */
  async #consume(batch: readonly Delivery[]): Promise<DeliveryOutcome | undefined> {
    const deadLetters: DeadLetterRequest[] = [];
    for (const delivery of batch) {
      let change: ChangeEvent;
      try {
        change = this.#decode(delivery.body);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        deadLetters.push({ delivery, reason });
        continue;
      }
      const seen = { id: delivery.id, key: delivery.key, deliveries: delivery.deliveries };
      const event = { ...seen, id: change.id };
      if (this.#dedup && (await this.#dedup.isProcessed(change.id))) {
        this.#stats.duplicates += 1;
        this.events.emit('duplicate', event);
        continue;
      }
      const started = Date.now();
      try {
        await this.#handler(change, delivery);
      } catch (error) {
        this.#stats.failed += 1;
        this.#stats.lastError = error;
        this.events.emit('failed', { ...event, error });
        throw error;
      }
      await this.#dedup?.markProcessed(change.id);
      this.#stats.handled += 1;
      this.#stats.lastId = change.id;
      this.#stats.lastPosition = change.position;
      this.#stats.lastHandledAt = Date.now();
      this.events.emit('handled', { ...event, ms: Date.now() - started });
    }
    if (deadLetters.length === 0) return undefined;
    for (const { delivery, reason } of deadLetters) {
      this.#stats.malformed += 1;
      const { id, key, deliveries } = delivery;
      this.events.emit('malformed', { id, key, deliveries, reason });
    }
    return { deadLetters };
  }
}
