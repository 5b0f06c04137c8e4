import type { RedisStreamClient } from './RedisStreamClient.js';

/** Settings of a {@link RedisDeduplicator}. */
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
