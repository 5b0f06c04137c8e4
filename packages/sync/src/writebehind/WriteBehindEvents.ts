/** One task of a {@link WriteBehindQueue}. */
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
  /** A message of the queue is not a task: it goes to the dead-letter stream. */
  malformed: WriteBehindTaskEvent & {
    /** Why. */
    reason: string;
  };
}
