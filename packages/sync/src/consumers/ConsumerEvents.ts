/** A change a {@link Consumer} received. */
export interface ConsumedChange {
  /** The change's id. */
  id: string;
  /** The change's partition key. */
  key: string;
  /** How many times it was delivered, this time included. */
  deliveries: number;
}

/**
 * Typed events of a {@link Consumer}, also on `diagnostics_channel` as
 * `mallkit:sync:consumer:<name>`.
 */
export interface ConsumerEvents {
  /** The handler succeeded. */
  handled: ConsumedChange & {
    /** How long the handler took, in ms. */
    ms: number;
  };
  /** The change was processed before (deduplicator): skipped. */
  duplicate: ConsumedChange;
  /** The message could not be decoded: it goes to the dead-letter stream. */
  malformed: ConsumedChange & {
    /** Why. */
    reason: string;
  };
  /** The handler failed: the change will be delivered again (or dead-lettered). */
  failed: ConsumedChange & {
    /** The failure. */
    error: unknown;
  };
}
