import type { RedisStreamClient } from './RedisStreamClient.js';

/**
 * Settings of a {@link RedisDeduplicator}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { RedisDeduplicator, type RedisDeduplicatorOptions } from '@mallkit/sync/redis';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const mark = 'doc:RedisDeduplicatorOptions:processed:search-index:change-1';
 * await redis.del(mark);
 * const options: RedisDeduplicatorOptions = {
 *   redis, // only `call` is used: a Cluster fits too
 *   namespace: 'search-index', // usually the consumer group: groups must not share marks
 *   keyPrefix: 'doc:RedisDeduplicatorOptions:', // marks are '<keyPrefix>processed:<namespace>:<id>'
 *   ttlMs: 60_000, // how long a mark is kept
 * };
 * const dedup = new RedisDeduplicator(options);
 * assert.equal(await dedup.markProcessed('change-1'), true);
 * assert.equal(await dedup.isProcessed('change-1'), true);
 * const ttl = await redis.pttl(mark);
 * assert.ok(ttl > 0 && ttl <= 60_000);
 * const mailer = new RedisDeduplicator({ ...options, namespace: 'mailer' });
 * assert.equal(await mailer.isProcessed('change-1'), false); // another group, its own marks
 * await redis.del(mark);
 * await redis.quit();
 * ```
 *
 * @group Deduplication
 */
export interface RedisDeduplicatorOptions {
  /** Your ioredis `Redis` or `Cluster` (only `call` is used); never closed. Required. */
  redis: Pick<RedisStreamClient, 'call'>;
  /**
   * Whose marks these are, usually the consumer group: two groups that process the same
   * messages must not share marks. Part of every key. Required.
   */
  namespace: string;
  /**
   * Prefix of the keys; a mark is `<keyPrefix>processed:<namespace>:<id>`.
   * @default 'mallkit:sync:'
   */
  keyPrefix?: string;
  /**
   * How long a mark is kept, in ms (integer >= 1).
   * @default 86400000 (one day)
   */
  ttlMs?: number;
}
