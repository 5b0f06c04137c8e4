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
 */
export interface Deduplicator {
  /** Whether `id` was marked processed and the mark has not expired. */
  isProcessed(id: string): Promise<boolean>;
  /** Marks `id` processed; resolves to `false` when it already was. */
  markProcessed(id: string): Promise<boolean>;
}
