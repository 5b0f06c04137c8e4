import type { Deduplicator } from '../dedup/Deduplicator.js';
import type { MessageTransport } from '../transport/MessageTransport.js';

/** Settings of a {@link WriteBehindQueue}. */
export interface WriteBehindQueueOptions {
  /**
   * Where tasks are kept: a `RedisStreamTransport` makes them durable (and replicated,
   * with its `replicas` option); a `MemoryTransport` keeps them in process. Required.
   */
  transport: MessageTransport;
  /** The queue's name: the transport topic of its tasks. Required. */
  name: string;
  /**
   * The consumer group the workers form; two groups would each run every task.
   * @default 'write-behind'
   */
  group?: string;
  /**
   * Attempts of a task before it moves to the dead-letter stream (integer >= 1).
   * @default 5
   */
  maxAttempts?: number;
  /**
   * Wait before the second attempt, in ms, doubled on each further attempt up to
   * `maxRetryDelayMs` (integer >= 0).
   * @default 200
   */
  retryDelayMs?: number;
  /**
   * Longest wait between attempts, in ms (integer >= 0).
   * @default 30000
   */
  maxRetryDelayMs?: number;
  /**
   * Most tasks a worker takes at once (integer >= 1); they run one after another.
   * @default 50
   */
  batchSize?: number;
  /**
   * Skips tasks already completed (by id), marking each after the handler succeeded.
   * @default none: the handler must be idempotent
   */
  deduplicator?: Deduplicator;
}
