/** Typed events of {@link CdcPipeline}, also on `diagnostics_channel` as `mallkit:sync:pipeline:<name>`. */
export interface CdcPipelineEvents {
  /** The source runs. */
  started: {
    /** The source's name. */
    source: string;
  };
  /** The target accepted a batch. */
  published: {
    /** The source's name. */
    source: string;
    /** Changes published. */
    count: number;
    /** Changes the filter dropped from the batch. */
    filtered: number;
    /** Position of the batch's last change. */
    position: string;
    /** Replication lag of the batch, in ms (see {@link CdcPipelineStatus.lagMs}). */
    lagMs: number;
    /** How long the target took, in ms. */
    durationMs: number;
  };
  /** The target rejected a batch; the source re-sends it. */
  publishFailed: {
    /** The source's name. */
    source: string;
    /** Changes in the rejected batch. */
    count: number;
    /** The rejection. */
    error: unknown;
  };
  /** The source stopped. */
  stopped: {
    /** The source's name. */
    source: string;
  };
}
