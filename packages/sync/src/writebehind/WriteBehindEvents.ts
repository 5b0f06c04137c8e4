/**
 * One task of a {@link WriteBehindQueue}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, WriteBehindQueue, type WriteBehindTaskEvent } from '@mallkit/sync';
 *
 * const queue = new WriteBehindQueue<{ sku: string }>({
 *   transport: new MemoryTransport(), name: 'deductions', retryDelayMs: 5,
 * });
 * // one listener for every per-task event: the attempts each task took, e.g. for a metric
 * const attempts = new Map<string, number>();
 * const record = (event: WriteBehindTaskEvent) => attempts.set(`${event.queue}/${event.id}`, event.attempt);
 * queue.events.on('failed', record);
 * queue.events.on('done', record);
 * const done = new Promise((resolve) => queue.events.on('done', resolve));
 * const worker = await queue.worker('writer-1', async (task) => {
 *   if (task.attempt < 3) throw new Error('database busy');
 * });
 * await queue.enqueue({ id: 'SO-1', key: 'phone-128', payload: { sku: 'phone-128' } });
 * await done;
 * assert.deepEqual([...attempts], [['deductions/SO-1', 3]]);
 * await worker.close();
 * ```
 *
 * @group Write-behind
 */
export interface WriteBehindTaskEvent {
  /** The queue's name. */
  queue: string;
  /** The task's id. */
  id: string;
  /** The task's key. */
  key: string;
  /** Which attempt, from 1. */
  attempt: number;
}

/**
 * Typed events of a {@link WriteBehindQueue}, also on `diagnostics_channel` as
 * `mallkit:sync:writebehind:<name>`. Dead letters are the transport's `deadLettered`
 * events.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, WriteBehindQueue } from '@mallkit/sync';
 *
 * const transport = new MemoryTransport();
 * const queue = new WriteBehindQueue<{ sku: string }>({ transport, name: 'deductions', retryDelayMs: 5 });
 * const log: string[] = [];
 * queue.events.on('enqueued', ({ tasks }) => log.push(`enqueued ${tasks}`));
 * queue.events.on('failed', ({ id, attempt, error }) => log.push(`${id} #${attempt} failed: ${error}`));
 * queue.events.on('done', ({ id, attempt }) => log.push(`${id} #${attempt} done`));
 * queue.events.on('malformed', ({ id, reason }) => log.push(`${id}: ${reason}`));
 * const worker = await queue.worker('writer-1', async (task) => {
 *   if (task.attempt === 1) throw new Error('database busy');
 * });
 *
 * const done = new Promise((resolve) => queue.events.on('done', resolve));
 * await queue.enqueue({ id: 'SO-1', key: 'phone-128', payload: { sku: 'phone-128' } });
 * await done;
 * const malformed = new Promise((resolve) => queue.events.on('malformed', resolve));
 * await transport.publish('deductions', [{ key: 'x', id: 'junk-1', body: 'not json' }]); // not a task
 * await malformed; // it goes to the dead-letter stream
 * assert.deepEqual(log.slice(0, 3), [
 *   'enqueued 1',
 *   'SO-1 #1 failed: Error: database busy',
 *   'SO-1 #2 done',
 * ]);
 * assert.match(log[3] ?? '', /^junk-1: not a task/);
 * await worker.close();
 * ```
 *
 * @group Write-behind
 */
export interface WriteBehindEvents {
  /** Tasks were enqueued (durably). */
  enqueued: {
    /** The queue's name. */
    queue: string;
    /** How many. */
    tasks: number;
  };
  /** A task completed. */
  done: WriteBehindTaskEvent & {
    /** How long the handler took, in ms. */
    ms: number;
  };
  /** A task was skipped: the deduplicator says it completed before. */
  duplicate: WriteBehindTaskEvent;
  /** A task failed; it is retried, or dead-lettered after `maxAttempts`. */
  failed: WriteBehindTaskEvent & {
    /** The failure. */
    error: unknown;
  };
  /**
   * A message of the queue is not a task: it goes to the dead-letter stream. Emitted once
   * per message, when its batch is done; if a task of the batch failed, the batch is
   * delivered again and the event comes with that delivery.
   */
  malformed: WriteBehindTaskEvent & {
    /** Why. */
    reason: string;
  };
}
