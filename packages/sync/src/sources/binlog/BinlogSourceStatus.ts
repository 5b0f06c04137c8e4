/** A snapshot of a {@link BinlogSource}'s progress, from {@link BinlogSource.status}. */
export interface BinlogSourceStatus {
  /** `'idle'`, `'starting'`, `'snapshot'` (reading a snapshot), `'running'`, `'reconnecting'`, `'stopped'`, `'failed'`. */
  state: 'idle' | 'starting' | 'snapshot' | 'running' | 'reconnecting' | 'stopped' | 'failed';
  /** The last position up to which the sink accepted everything (saved or about to be). */
  position: string | undefined;
  /** The last saved checkpoint. */
  checkpoint: string | undefined;
  /** Commit time (epoch ms) of the last change the sink accepted. */
  lastChangeAt: number | undefined;
  /** Decoded rows waiting for the sink. */
  queuedRows: number;
  /** Whether reading is paused because the sink is behind. */
  paused: boolean;
  /** The last failure (sink, connection, checkpoint), until the next success. */
  lastError: unknown;
}
