/**
 * Remembers which messages were processed, so a redelivered message (at-least-once
 * delivery) has its effect once. A {@link Consumer} asks {@link Deduplicator.isProcessed}
 * before the effect and calls {@link Deduplicator.markProcessed} only after the effect
 * succeeded, so a failure never loses an effect.
 *
 * The window: a process that dies after the effect and before the mark repeats the
 * effect on redelivery. Where that matters, make the effect idempotent (an upsert
 * guarded by a version, as `productStockConsumer` does), or write the mark in the same
 * database transaction as the effect. Marks expire (`ttlMs`): keep them longer than a
 * message can take to be redelivered.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type Deduplicator, MemoryDeduplicator } from '@mallkit/sync';
 *
 * // the contract a Consumer follows: ask first, mark only once the effect succeeded
 * async function once(marks: Deduplicator, id: string, effect: () => Promise<void>) {
 *   if (await marks.isProcessed(id)) return false;
 *   await effect(); // a failure here leaves no mark: the retry runs the effect
 *   await marks.markProcessed(id);
 *   return true;
 * }
 *
 * const marks: Deduplicator = new MemoryDeduplicator(); // RedisDeduplicator across processes
 * let charged = 0;
 * const charge = async () => {
 *   charged += 1;
 * };
 * assert.equal(await once(marks, 'payment:77', charge), true);
 * assert.equal(await once(marks, 'payment:77', charge), false); // a redelivery
 * assert.equal(charged, 1);
 * assert.equal(await marks.markProcessed('payment:77'), false); // already marked
 * ```
 *
 * @group Deduplication
 */
export interface Deduplicator {
  /** Whether `id` was marked processed and the mark has not expired. */
  isProcessed(id: string): Promise<boolean>;
  /** Marks `id` processed; resolves to `false` when it already was. */
  markProcessed(id: string): Promise<boolean>;
}
