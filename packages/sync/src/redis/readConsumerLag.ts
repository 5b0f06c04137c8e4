import type { ConsumerLag } from '../lag/ConsumerLag.js';
import type { PartitionLag } from '../lag/PartitionLag.js';
import type { PartitionStats } from '../transport/PartitionStats.js';
import { lagScript } from './lagScript.js';
import type { RedisStreamClient } from './RedisStreamClient.js';
import type { StreamKeys } from './StreamKeys.js';
import { streamIdTime } from './streamEntries.js';

/** Most entries counted one by one when Redis cannot tell a group's lag. */
const SCAN_LIMIT = 100_000;

/**
 * Measures the lag of `group` on every partition of `topic` (one atomic script per
 * partition) and adds what this process saw (`stats`).
 * @internal
 */
export async function readConsumerLag(
  client: RedisStreamClient,
  keys: StreamKeys,
  partitions: number,
  topic: string,
  group: string,
  stats: (partition: number) => PartitionStats | undefined,
): Promise<ConsumerLag> {
  const replies = await Promise.all(
    Array.from({ length: partitions }, (_, p) =>
      lagScript.run(
        client,
        [keys.partition(topic, p), keys.lease(topic, p, group)],
        [group, SCAN_LIMIT],
      ),
    ),
  );
  const list = replies.map((reply, p): PartitionLag => {
    const [undelivered, pending, last, oldest, owner, seconds, micros] = (reply as unknown[]).map(
      String,
    ) as [string, string, string, string, string, string, string];
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    const seen = stats(p);
    const lag: PartitionLag = {
      partition: p,
      messages: Number(undelivered) + Number(pending),
      undelivered: Number(undelivered),
      pending: Number(pending),
      seconds: oldest ? Math.max(0, now - streamIdTime(oldest)) / 1000 : 0,
      lastDeliveredId: last,
      errors: seen?.errors ?? 0,
    };
    if (owner) lag.owner = owner;
    if (seen?.lastAckedId !== undefined) lag.lastAckedId = seen.lastAckedId;
    if (seen?.lastAckedAt !== undefined) lag.lastAckedAt = seen.lastAckedAt;
    return lag;
  });
  return {
    topic,
    group,
    messages: list.reduce((n, p) => n + p.messages, 0),
    seconds: list.reduce((n, p) => Math.max(n, p.seconds), 0),
    errors: list.reduce((n, p) => n + p.errors, 0),
    partitions: list,
    at: Date.now(),
  };
}
