import type { PartitionStats } from './PartitionStats.js';

/**
 * The {@link PartitionStats} of every (topic, group, partition) this process consumed.
 * @internal
 */
export class PartitionStatsBook {
  readonly #stats = new Map<string, PartitionStats>();

  /** The stats of one partition for one group, created empty on first use. */
  get(topic: string, group: string, partition: number): PartitionStats {
    const key = `${topic}\u0000${group}\u0000${partition}`;
    let stats = this.#stats.get(key);
    if (!stats) {
      stats = { errors: 0 };
      this.#stats.set(key, stats);
    }
    return stats;
  }

  /** The stats of one partition, or `undefined` when this process never consumed it. */
  peek(topic: string, group: string, partition: number): PartitionStats | undefined {
    return this.#stats.get(`${topic}\u0000${group}\u0000${partition}`);
  }
}
