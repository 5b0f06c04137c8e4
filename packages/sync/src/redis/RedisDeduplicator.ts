import type { Deduplicator } from '../dedup/Deduplicator.js';
import { SyncError } from '../errors/SyncError.js';
import { integerOption } from '../transport/integerOption.js';
import type { RedisDeduplicatorOptions } from './RedisDeduplicatorOptions.js';

/**
 * Processed ids in Redis, shared by every member of a consumer group: a mark is the key
 * `<keyPrefix>processed:<namespace>:<id>`, set with `SET NX PX ttlMs` once the effect
 * succeeded, so a message another member (or a restarted process) already finished is
 * skipped. Single-key commands only, so it works on a Cluster. See {@link Deduplicator}
 * for the window between effect and mark.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { type ChangeEvent, Consumer, TransportSink } from '@mallkit/sync';
 * import { RedisDeduplicator, RedisStreamTransport } from '@mallkit/sync/redis';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const keyPrefix = `doc:${randomUUID()}:`; // fresh keys: this Redis is shared
 * const transport = new RedisStreamTransport({ redis, keyPrefix, blockMs: 100 });
 * const mailed: string[] = [];
 * const consumer = new Consumer({
 *   transport, topic: 'shop.orders', group: 'mailer', name: 'node-1',
 *   // marks in Redis: shared by every member of the group, and kept across restarts
 *   deduplicator: new RedisDeduplicator({ redis, namespace: 'mailer', keyPrefix }),
 *   handler: async (change) => { mailed.push(change.key); },
 * });
 * const duplicate = new Promise((resolve) => consumer.events.on('duplicate', resolve));
 * await consumer.start();
 *
 * const paid: ChangeEvent = {
 *   id: 'outbox:1', source: 'outbox', table: 'shop.orders', op: 'event', key: 'SO-1',
 *   after: { status: 'paid' }, at: Date.now(), position: '1',
 * };
 * const sink = new TransportSink({ transport });
 * await sink.publish([paid]);
 * await sink.publish([paid]); // a relay that crashed before deleting the row sends it again
 * await duplicate;
 * assert.deepEqual(mailed, ['SO-1']); // one mail
 * await consumer.stop();
 * await redis.quit();
 * ```
 *
 * @group Deduplication
 */
export class RedisDeduplicator implements Deduplicator {
  readonly #redis: RedisDeduplicatorOptions['redis'];
  readonly #prefix: string;
  readonly #ttlMs: number;

  /** @param options - see {@link RedisDeduplicatorOptions} */
  constructor(options: RedisDeduplicatorOptions) {
    if (!options?.redis)
      throw new SyncError('INVALID_OPTION', 'RedisDeduplicator: redis is required');
    if (typeof options.namespace !== 'string' || options.namespace === '') {
      throw new SyncError('INVALID_OPTION', 'RedisDeduplicator: namespace is required');
    }
    this.#redis = options.redis;
    this.#prefix = `${options.keyPrefix ?? 'mallkit:sync:'}processed:${options.namespace}:`;
    this.#ttlMs = integerOption('RedisDeduplicator', 'ttlMs', options.ttlMs, 86_400_000, 1);
  }

  /** Whether `id` is marked (`EXISTS`). */
  async isProcessed(id: string): Promise<boolean> {
    return Number(await this.#redis.call('exists', this.#prefix + id)) === 1;
  }

  /** Marks `id` (`SET NX PX`); `false` when it already was. */
  async markProcessed(id: string): Promise<boolean> {
    const reply = await this.#redis.call('set', this.#prefix + id, '1', 'PX', this.#ttlMs, 'NX');
    return reply === 'OK';
  }
}
