/**
 * A task to hand to a {@link WriteBehindQueue}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, WriteBehindQueue, type WriteBehindTaskInput } from '@mallkit/sync';
 *
 * interface Deduction { sku: string; quantity: number }
 * const queue = new WriteBehindQueue<Deduction>({ transport: new MemoryTransport(), name: 'deductions' });
 * const tasks: WriteBehindTaskInput<Deduction>[] = [
 *   // id: the handler's idempotency key, e.g. the order number
 *   { id: 'SO-1', key: 'phone-128', payload: { sku: 'phone-128', quantity: 1 } },
 *   // no id: a random UUID; same key: runs after SO-1, never beside it
 *   { key: 'phone-128', payload: { sku: 'phone-128', quantity: 3 } },
 * ];
 * const quantities: number[] = [];
 * const both = new Promise<void>((resolve) =>
 *   queue.events.on('done', () => { if (quantities.length === 2) resolve(); }),
 * );
 * const worker = await queue.worker('writer-1', async ({ payload }) => { quantities.push(payload.quantity); });
 * const ids = await queue.enqueue(tasks); // resolves once the transport accepted them
 * assert.equal(ids[0], 'SO-1');
 * assert.match(ids[1] ?? '', /^[0-9a-f-]{36}$/);
 * await both;
 * assert.deepEqual(quantities, [1, 3]); // in order per key
 * await worker.close();
 * ```
 *
 * @group Write-behind
 */
export interface WriteBehindTaskInput<T> {
  /**
   * Ordering key: tasks of one key run in order, one at a time (e.g. the SKU of a stock
   * deduction).
   */
  key: string;
  /** What the worker needs; JSON-serialisable. */
  payload: T;
  /**
   * Unique id, the handler's idempotency key (e.g. the order number of a deduction).
   * @default a random UUID
   */
  id?: string;
}

/**
 * A task as a {@link WriteBehindQueue} worker receives it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryTransport, type WriteBehindTask, WriteBehindQueue } from '@mallkit/sync';
 *
 * interface Deduction { sku: string; quantity: number }
 * const queue = new WriteBehindQueue<Deduction>({
 *   transport: new MemoryTransport(), name: 'deductions', retryDelayMs: 5,
 * });
 * const seen: WriteBehindTask<Deduction>[] = [];
 * const done = new Promise((resolve) => queue.events.on('done', resolve));
 * const worker = await queue.worker('writer-1', async (task: WriteBehindTask<Deduction>) => {
 *   seen.push(task);
 *   if (task.attempt === 1) throw new Error('database busy'); // retried after retryDelayMs
 * });
 * const before = Date.now();
 * await queue.enqueue({ id: 'SO-1', key: 'phone-128', payload: { sku: 'phone-128', quantity: 2 } });
 * await done;
 * assert.deepEqual(
 *   seen.map((task) => [task.id, task.key, task.payload.quantity, task.attempt]),
 *   [['SO-1', 'phone-128', 2, 1], ['SO-1', 'phone-128', 2, 2]],
 * );
 * assert.ok((seen[1]?.enqueuedAt ?? 0) >= before); // e.g. to measure how far the writes lag
 * await worker.close();
 * ```
 *
 * @group Write-behind
 */
export interface WriteBehindTask<T> {
  /** Its id. */
  id: string;
  /** Its ordering key. */
  key: string;
  /** Its payload, as decoded from JSON. */
  payload: T;
  /** When it was enqueued (epoch ms). */
  enqueuedAt: number;
  /** Which attempt this is, from 1. */
  attempt: number;
}

/**
 * Runs one task of a {@link WriteBehindQueue}: resolving completes it, rejecting retries
 * it later (and dead-letters it after `maxAttempts`). It may run more than once for one
 * task, so make it idempotent on `task.id`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DatabaseSync } from 'node:sqlite';
 * import { MemoryTransport, type WriteBehindHandler, WriteBehindQueue } from '@mallkit/sync';
 *
 * interface Deduction { orderNo: string; sku: string; quantity: number }
 * const db = new DatabaseSync(':memory:'); // your database
 * db.exec('CREATE TABLE deductions (order_no TEXT PRIMARY KEY, sku TEXT, quantity INTEGER)');
 * // idempotent on the order number: a task that runs twice still writes one row
 * const writeDeduction: WriteBehindHandler<Deduction> = async ({ payload }) => {
 *   db.prepare('INSERT OR IGNORE INTO deductions VALUES (?, ?, ?)')
 *     .run(payload.orderNo, payload.sku, payload.quantity);
 * };
 * const queue = new WriteBehindQueue<Deduction>({ transport: new MemoryTransport(), name: 'deductions' });
 * let completed = 0;
 * const both = new Promise<void>((resolve) =>
 *   queue.events.on('done', () => { if (++completed === 2) resolve(); }),
 * );
 * const worker = await queue.worker('writer-1', writeDeduction);
 * const deduction = { orderNo: 'SO-1', sku: 'phone-128', quantity: 2 };
 * await queue.enqueue({ id: 'SO-1', key: 'phone-128', payload: deduction });
 * await queue.enqueue({ id: 'SO-1', key: 'phone-128', payload: deduction }); // a retried request
 * await both;
 * assert.equal(db.prepare('SELECT COUNT(*) AS n FROM deductions').get()?.['n'], 1);
 * await worker.close();
 * db.close();
 * ```
 *
 * @group Write-behind
 */
export type WriteBehindHandler<T> = (task: WriteBehindTask<T>) => Promise<void>;
