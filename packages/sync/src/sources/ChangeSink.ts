import type { ChangeEvent } from '../changes/ChangeEvent.js';

/**
 * Where a source hands its changes. `publish` resolves only once the batch is
 * durably accepted downstream (for the Redis transport: written and, when so
 * configured, replicated); only then may the source checkpoint past it. If it
 * rejects, the source re-sends the batch from its last checkpoint.
 */
export interface ChangeSink {
  /** Hands over a batch, in order; resolves once it is durably accepted. */
  publish(changes: readonly ChangeEvent[]): Promise<void>;
}
