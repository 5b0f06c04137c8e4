import type { PartitionLag } from './PartitionLag.js';

/** How far one consumer group is behind on a topic, in total and per partition. */
export interface ConsumerLag {
  /** The topic. */
  topic: string;
  /** The consumer group. */
  group: string;
  /** Messages not finished, summed over the partitions. */
  messages: number;
  /** Age of the oldest message not finished over the partitions, in seconds. */
  seconds: number;
  /** Failures this process saw, summed over the partitions. */
  errors: number;
  /** One entry per partition, by partition number. */
  partitions: PartitionLag[];
  /** When it was measured (epoch ms). */
  at: number;
}
