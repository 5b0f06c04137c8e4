/** Typed events of {@link OutboxSource}, also on `diagnostics_channel` as `mallkit:sync:outbox:<name>`. */
export interface OutboxSourceEvents {
  /** The relay runs. */
  started: {
    /** Name of the source. */
    source: string;
  };
  /** Rows were published and removed (or marked). */
  published: {
    /** Name of the source. */
    source: string;
    /** Rows in the round. */
    count: number;
    /** Highest row id of the round. */
    lastId: string;
  };
  /** The sink rejected a round; the rows stay and are tried again after `retryInMs`. */
  publishFailed: {
    /** Name of the source. */
    source: string;
    /** The rejection. */
    error: unknown;
    /** Consecutive failed rounds. */
    attempt: number;
    /** Wait before the next round. */
    retryInMs: number;
  };
  /** The database failed (its rows stay); the relay reconnects after `retryInMs`. */
  error: {
    /** Name of the source. */
    source: string;
    /** What failed. */
    error: unknown;
    /** Consecutive failed rounds. */
    attempt: number;
    /** Wait before the next round. */
    retryInMs: number;
  };
  /** The relay stopped. */
  stopped: {
    /** Name of the source. */
    source: string;
  };
}
