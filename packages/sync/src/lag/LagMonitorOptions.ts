import type { LagSource } from './LagSource.js';

/** Settings of a {@link LagMonitor}. */
export interface LagMonitorOptions {
  /** What measures the lag: a `RedisStreamTransport` or `MemoryTransport`. Required. */
  source: LagSource;
  /** The topic. Required. */
  topic: string;
  /** The consumer group. Required. */
  group: string;
  /**
   * How often to measure, in ms (integer >= 1).
   * @default 5000
   */
  intervalMs?: number;
}
