/** Counters of a {@link Consumer} since it was built, from {@link Consumer.stats}. */
export interface ConsumerStats {
  /** Changes the handler processed. */
  handled: number;
  /** Changes skipped as already processed. */
  duplicates: number;
  /** Messages that could not be decoded (dead-lettered). */
  malformed: number;
  /** Handler failures (each is retried). */
  failed: number;
  /** Id of the last change handled. */
  lastId?: string;
  /** Source position of the last change handled: how far this consumer got. */
  lastPosition?: string;
  /** When the last change was handled (epoch ms). */
  lastHandledAt?: number;
  /** The last handler failure. */
  lastError?: unknown;
}
