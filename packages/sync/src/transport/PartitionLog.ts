import type { DeadLetter } from './DeadLetter.js';
import type { OutgoingMessage } from './StreamMessage.js';

/** One entry of a partition as a {@link PartitionLog} reads it. */
export interface LogEntry {
  /** Its position in the partition. */
  entryId: string;
  /** Deliveries to the group so far, this one included. */
  deliveries: number;
  /** When it was appended (epoch ms). */
  publishedAt: number;
  /** The message, or `undefined` when the entry is malformed or gone. */
  message: OutgoingMessage | undefined;
  /** Why `message` is `undefined`. */
  problem: string | undefined;
  /** What a malformed entry held, kept as the dead letter's body. */
  rawBody?: string;
}

/**
 * One partition of a topic as one member of a consumer group sees it: what a
 * {@link PartitionRunner} needs from a transport's storage. Implemented over a Redis
 * stream and in memory.
 * @internal
 */
export interface PartitionLog {
  /** Makes sure the group exists on the partition. */
  prepare(): Promise<void>;
  /**
   * Takes over entries other members left pending. `done` is false while some remain
   * that cannot be taken yet (not idle long enough): reading new entries then would
   * overtake them.
   */
  recover(): Promise<{ claimed: number; done: boolean }>;
  /** The oldest entry pending for this member, its delivery counted; `undefined` if none. */
  nextPending(): Promise<LogEntry | undefined>;
  /** Up to `count` entries never delivered to the group, waiting a while for some. */
  readNew(count: number): Promise<LogEntry[]>;
  /** Acknowledges entries. */
  ack(entryIds: readonly string[]): Promise<void>;
  /** Appends `letter` to the dead-letter stream, then acknowledges the entry. */
  deadLetter(letter: DeadLetter): Promise<void>;
  /** Removes the entries every group acknowledged; resolves to how many. */
  trim(): Promise<number>;
  /** Interrupts a blocked read and frees what the log holds; idempotent. */
  close(): void;
}
