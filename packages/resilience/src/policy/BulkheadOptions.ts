/**
 * Limits of the bulkhead of a {@link DependencyPolicy}: concurrency slots and a bounded queue.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type BulkheadOptions, DependencyPolicy, isResilienceError } from '@mallkit/resilience';
 *
 * const bulkhead: BulkheadOptions = { concurrency: 2, queue: 1 }; // a pool of 2 connections
 * const mysql = new DependencyPolicy({ name: 'doc:BulkheadOptions', bulkhead });
 * let openGate = (): void => {};
 * const gate = new Promise<void>((resolve) => (openGate = () => resolve()));
 * const calls = [1, 2, 3].map((n) => mysql.execute(() => gate.then(() => n)));
 * assert.equal(mysql.stats().running, 2);
 * assert.equal(mysql.stats().queued, 1);
 *
 * const fourth = await mysql.execute(() => 4).catch((e: unknown) => e); // no slot, no queue room
 * assert.ok(isResilienceError(fourth) && fourth.code === 'BULKHEAD_FULL');
 * openGate();
 * assert.deepEqual(await Promise.all(calls), [1, 2, 3]);
 * ```
 *
 * @group Dependency policy
 */
export interface BulkheadOptions {
  /**
   * Calls that may run at once; match it to the client's connection pool so a slow
   * dependency cannot take every socket (or every request) hostage.
   * @default 64
   */
  concurrency?: number;
  /**
   * Calls that may wait for a slot, first come first served. Beyond it, calls are
   * rejected at once with {@link BulkheadRejectedError}.
   * @default 0
   */
  queue?: number;
}
