/** Typed events of {@link SyncScheduler}, also on `diagnostics_channel` as `mallkit:sync:scheduler:<name>`. */
export interface SyncSchedulerEvents {
  /** This node took the period's lease and started the job. */
  started: {
    /** Job name. */
    name: string;
    /** Start of the period (epoch ms). */
    period: number;
  };
  /** The job finished; the period is done on every node. */
  finished: {
    /** Job name. */
    name: string;
    /** Start of the period (epoch ms). */
    period: number;
    /** How long it ran, in ms. */
    durationMs: number;
  };
  /** The job failed or lost its lease; another check of this period may run it again. */
  failed: {
    /** Job name. */
    name: string;
    /** Start of the period (epoch ms). */
    period: number;
    /** The error. */
    error: unknown;
  };
}
