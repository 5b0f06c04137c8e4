import type { ShedReason } from '../errors/LoadShedError.js';
import type { Priority } from './Priority.js';

/** A snapshot of a {@link LoadShedder}, from {@link LoadShedder.stats}. */
export interface LoadShedderStats {
  /** The shedder's name. */
  name: string;
  /** Requests in flight. */
  inflight: number;
  /** The current concurrency limit. */
  limit: number;
  /** Requests in flight, by priority. */
  inflightByPriority: Record<Priority, number>;
  /** Requests admitted since the shedder was created, by priority. */
  admitted: Record<Priority, number>;
  /**
   * Requests shed since the shedder was created, by priority and reason
   * (`queueTimeout` stays 0: this shedder does not queue).
   */
  shed: Record<Priority, Record<ShedReason, number>>;
  /** Failure ratio in the error window (0 below the minimum sample count). */
  errorRate: number;
  /** The last event loop delay reading in ms, or `undefined` when not watched. */
  eventLoopDelayMs: number | undefined;
}
