import type { Deduplicator } from '../dedup/Deduplicator.js';
import type { MessageTransport } from '../transport/MessageTransport.js';

/**
 * Settings of a {@link WriteBehindQueue}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   type DeadLetter, MemoryDeduplicator, MemoryTransport, WriteBehindQueue, type WriteBehindQueueOptions,
 * } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport(); // in process; a RedisStreamTransport makes tasks durable
 * const options: WriteBehindQueueOptions = {
 *   transport,
 *   name: 'deductions', // the transport topic of the tasks
 *   group: 'db-writers', // workers of one group share the tasks
 *   maxAttempts: 2, // then the task moves to the topic's dead-letter stream
 *   retryDelayMs: 5, // doubled per attempt...
 *   maxRetryDelayMs: 50, // ...up to this
 *   batchSize: 10,
 *   deduplicator: new MemoryDeduplicator(), // skips tasks that completed before (by id)
 * };
 * const queue = new WriteBehindQueue<{ sku: string }>(options);
 * const runs: string[] = [];
 * const worker = await queue.worker('writer-1', async (task) => {
 *   runs.push(`${task.id}#${task.attempt}`);
 *   if (task.payload.sku === 'retired') throw new Error('unknown SKU');
 * });
 * const duplicate = new Promise((resolve) => queue.events.on('duplicate', resolve));
 * const deadLettered = new Promise<DeadLetter>((resolve) => transport.events.on('deadLettered', resolve));
 * await queue.enqueue([
 *   { id: 'SO-1', key: 'phone', payload: { sku: 'phone' } },
 *   { id: 'SO-2', key: 'retired', payload: { sku: 'retired' } },
 * ]);
 * await queue.enqueue({ id: 'SO-1', key: 'phone', payload: { sku: 'phone' } }); // sent again by a retry
 * const [, letter] = await Promise.all([duplicate, deadLettered]);
 * assert.equal(letter.id, 'SO-2');
 * assert.deepEqual(runs.sort(), ['SO-1#1', 'SO-2#1', 'SO-2#2']); // SO-1 ran once
 * await worker.close();
 * ```
 *
 * @group Write-behind
 */
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
