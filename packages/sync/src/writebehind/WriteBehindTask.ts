/** A task to hand to a {@link WriteBehindQueue}. */
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

/** A task as a {@link WriteBehindQueue} worker receives it. */
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
 */
export type WriteBehindHandler<T> = (task: WriteBehindTask<T>) => Promise<void>;
