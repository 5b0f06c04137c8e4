/** How far one consumer group is behind on one partition of a topic. */
export interface PartitionLag {
  /** The partition. */
  partition: number;
  /** Messages the group has not finished: `undelivered + pending`. */
  messages: number;
  /** Messages not yet delivered to any member of the group. */
  undelivered: number;
  /** Messages delivered but not yet acknowledged. */
  pending: number;
  /**
   * Age of the oldest message not finished (undelivered or pending), in seconds, by the
   * transport's clock; `0` when there is none.
   */
  seconds: number;
  /** Position of the last message delivered to the group; `''` when none was. */
  lastDeliveredId: string;
  /** Position of the last message this process acknowledged for the group (its checkpoint). */
  lastAckedId?: string;
  /** When this process last acknowledged a message of the partition for the group (epoch ms). */
  lastAckedAt?: number;
  /** The member of the group that holds the partition, when one does. */
  owner?: string;
  /** Failures this process saw while consuming the partition for the group. */
  errors: number;
}
