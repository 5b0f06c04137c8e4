import type { ChangeSink } from './ChangeSink.js';

/**
 * A producer of changes: the MySQL binlog, a transactional outbox table, a
 * snapshot of tables. It resumes from its checkpoint and never advances the
 * checkpoint past a change its sink has not accepted.
 */
export interface ChangeSource {
  /** Name, used in change ids, checkpoints, events and metrics. */
  readonly name: string;
  /** Starts delivering to `sink`; resolves once the source runs. */
  start(sink: ChangeSink): Promise<void>;
  /** Stops, waiting for the batch in flight; the checkpoint covers everything the sink accepted. */
  stop(): Promise<void>;
}
