import type { ConsumerLag } from './ConsumerLag.js';

/** Something that can tell how far a consumer group is behind: the transports do. */
export interface LagSource {
  /** Measures the lag of `group` on `topic`. */
  consumerLag(topic: string, group: string): Promise<ConsumerLag>;
}
