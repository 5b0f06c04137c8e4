import type { DeadLetter } from './DeadLetter.js';
import type { MemoryPartition } from './MemoryPartition.js';
import type { LogEntry, PartitionLog } from './PartitionLog.js';

/**
 * A {@link PartitionLog} over a {@link MemoryPartition}, for one member of a group.
 * Ownership of partitions is decided in process, and a partition changes hands only
 * after its previous owner stopped, so every pending entry of another member can be
 * taken at once.
 * @internal
 */
export class MemoryPartitionLog implements PartitionLog {
  readonly #partition: MemoryPartition;
  readonly #group: string;
  readonly #consumer: string;
  readonly #deadLetter: (letter: DeadLetter) => void;
  #closed = false;
  #cancelWait: (() => void) | undefined;
  #wakeOnClose: (() => void) | undefined;

  /**
   * @param partition - the partition
   * @param group - the consumer group
   * @param consumer - this member
   * @param deadLetter - stores a dead letter
   */
  constructor(
    partition: MemoryPartition,
    group: string,
    consumer: string,
    deadLetter: (letter: DeadLetter) => void,
  ) {
    this.#partition = partition;
    this.#group = group;
    this.#consumer = consumer;
    this.#deadLetter = deadLetter;
  }

  async prepare(): Promise<void> {
    this.#partition.cursor(this.#group);
  }

  async recover(): Promise<{ claimed: number; done: boolean }> {
    let claimed = 0;
    for (const pending of this.#partition.cursor(this.#group).pending.values()) {
      if (pending.consumer !== this.#consumer) {
        pending.consumer = this.#consumer;
        claimed += 1;
      }
    }
    return { claimed, done: true };
  }

  async nextPending(): Promise<LogEntry | undefined> {
    let oldest: number | undefined;
    const cursor = this.#partition.cursor(this.#group);
    for (const [seq, pending] of cursor.pending) {
      if (pending.consumer === this.#consumer && (oldest === undefined || seq < oldest)) {
        oldest = seq;
      }
    }
    if (oldest === undefined) return undefined;
    const pending = cursor.pending.get(oldest);
    if (!pending) return undefined;
    pending.deliveries += 1;
    return this.#toLog(oldest, pending.deliveries);
  }

  async readNew(count: number): Promise<LogEntry[]> {
    const cursor = this.#partition.cursor(this.#group);
    if (cursor.lastDelivered >= this.#partition.lastSeq && !this.#closed) {
      await new Promise<void>((resolve) => {
        this.#cancelWait = this.#partition.onAppend(resolve);
        if (this.#closed) resolve();
        else this.#wakeOnClose = resolve;
      });
      this.#cancelWait?.();
      this.#cancelWait = undefined;
      this.#wakeOnClose = undefined;
    }
    if (this.#closed) return [];
    const entries: LogEntry[] = [];
    while (entries.length < count && cursor.lastDelivered < this.#partition.lastSeq) {
      cursor.lastDelivered += 1;
      const seq = cursor.lastDelivered;
      cursor.pending.set(seq, { consumer: this.#consumer, deliveries: 1 });
      entries.push(this.#toLog(seq, 1));
    }
    return entries;
  }

  async ack(entryIds: readonly string[]): Promise<void> {
    const cursor = this.#partition.cursor(this.#group);
    for (const id of entryIds) cursor.pending.delete(Number(id));
    this.#partition.trim();
  }

  async deadLetter(letter: DeadLetter): Promise<void> {
    this.#deadLetter(letter);
    await this.ack([letter.entryId]);
  }

  async trim(): Promise<number> {
    return this.#partition.trim();
  }

  close(): void {
    this.#closed = true;
    this.#wakeOnClose?.();
  }

  #toLog(seq: number, deliveries: number): LogEntry {
    const entry = this.#partition.entry(seq);
    return {
      entryId: String(seq),
      deliveries,
      publishedAt: entry?.at ?? 0,
      message: entry ? { ...entry.message } : undefined,
      problem: entry ? undefined : 'entry deleted while pending',
    };
  }
}
