import type { ConsumerLag } from './ConsumerLag.js';

/**
 * Typed events of a {@link LagMonitor}, also on `diagnostics_channel` as
 * `mallkit:sync:lag:<name>`.
 */
export interface LagMonitorEvents {
  /** A measurement. */
  lag: ConsumerLag;
  /** A measurement failed. */
  error: {
    /** The topic. */
    topic: string;
    /** The consumer group. */
    group: string;
    /** The failure. */
    error: unknown;
  };
}
