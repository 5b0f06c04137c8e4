/**
 * What this process saw of one partition for one group, kept for lag reports.
 * @internal
 */
export interface PartitionStats {
  /** Position of the last entry acknowledged. */
  lastAckedId?: string;
  /** When it was acknowledged (epoch ms). */
  lastAckedAt?: number;
  /** Failures so far. */
  errors: number;
}
