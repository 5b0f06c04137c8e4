/** A snapshot of a {@link CdcPipeline}'s progress, from {@link CdcPipeline.status}. */
export interface CdcPipelineStatus {
  /** `'idle'` before start, `'running'`, `'stopping'`, `'stopped'`; `'failed'` when the source could not start. */
  state: 'idle' | 'running' | 'stopping' | 'stopped' | 'failed';
  /** The source's name. */
  source: string;
  /** Position of the last change the target accepted (the source checkpoints up to it). */
  lastPosition: string | undefined;
  /** When the last accepted change was committed at the source (epoch ms). */
  lastChangeAt: number | undefined;
  /** When the target last accepted a batch (epoch ms). */
  lastPublishedAt: number | undefined;
  /**
   * Replication lag of the last accepted batch: how long after its newest change
   * was committed the target accepted it, in ms.
   */
  lagMs: number | undefined;
  /** Changes the target accepted. */
  published: number;
  /** Changes the filter dropped. */
  filtered: number;
  /** Batches the target rejected (the source re-sends them). */
  failures: number;
  /** The last rejection, cleared by the next accepted batch. */
  lastError: unknown;
}
