import { partitionOf } from './partitionOf.js';
import type { OutgoingMessage } from './StreamMessage.js';

/** Splits messages by the partition of their key, keeping their order within each. */
export function groupByPartition(
  messages: readonly OutgoingMessage[],
  partitions: number,
): Map<number, OutgoingMessage[]> {
  const byPartition = new Map<number, OutgoingMessage[]>();
  for (const message of messages) {
    const p = partitionOf(message.key, partitions);
    const list = byPartition.get(p);
    if (list) list.push(message);
    else byPartition.set(p, [message]);
  }
  return byPartition;
}
