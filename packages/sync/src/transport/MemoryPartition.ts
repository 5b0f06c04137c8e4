import type { OutgoingMessage } from './StreamMessage.js';

/** One message of a {@link MemoryPartition}. @internal */
export interface MemoryEntry {
  seq: number;
  message: OutgoingMessage;
  at: number;
}

/** A delivered, unacknowledged entry. @internal */
export interface MemoryPending {
  consumer: string;
  deliveries: number;
}

/** Where one consumer group stands in a {@link MemoryPartition}. @internal */
export interface MemoryCursor {
  /** Sequence of the last entry delivered to the group; 0 before the first. */
  lastDelivered: number;
  /** Delivered, unacknowledged entries by sequence (in delivery order, which is sequence order). */
  pending: Map<number, MemoryPending>;
}

/**
 * One partition of an in-memory topic: its entries (sequence numbers from 1, no holes)
 * and each group's cursor and pending entries. Entries every group acknowledged are
 * dropped; with no group at all, entries are kept.
 * @internal
 */
export class MemoryPartition {
  readonly #entries: MemoryEntry[] = [];
  #start = 0;
  #lastSeq = 0;
  readonly #cursors = new Map<string, MemoryCursor>();
  readonly #waiters = new Set<() => void>();

  /** Sequence of the newest entry; 0 when none was ever appended. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Appends messages and wakes the readers. */
  append(messages: readonly OutgoingMessage[], at: number): void {
    for (const message of messages) {
      this.#lastSeq += 1;
      this.#entries.push({ seq: this.#lastSeq, message: { ...message }, at });
    }
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Calls `wake` once at the next append. Returns a function that cancels it. */
  onAppend(wake: () => void): () => void {
    this.#waiters.add(wake);
    return () => this.#waiters.delete(wake);
  }

  /** The entry with sequence `seq`, unless it was trimmed or does not exist. */
  entry(seq: number): MemoryEntry | undefined {
    const first = this.#entries[this.#start];
    if (!first || seq < first.seq) return undefined;
    return this.#entries[this.#start + (seq - first.seq)];
  }

  /** The group's cursor, created at the beginning of the partition. */
  cursor(group: string): MemoryCursor {
    let cursor = this.#cursors.get(group);
    if (!cursor) {
      const first = this.#entries[this.#start];
      cursor = { lastDelivered: first ? first.seq - 1 : this.#lastSeq, pending: new Map() };
      this.#cursors.set(group, cursor);
    }
    return cursor;
  }

  /** The group's cursor, if the group ever read the partition. */
  peekCursor(group: string): MemoryCursor | undefined {
    return this.#cursors.get(group);
  }

  /** Drops the entries every group acknowledged; returns how many. */
  trim(): number {
    if (this.#cursors.size === 0) return 0;
    let cut = Number.POSITIVE_INFINITY;
    for (const cursor of this.#cursors.values()) {
      let oldest = cursor.lastDelivered + 1;
      for (const seq of cursor.pending.keys()) oldest = Math.min(oldest, seq);
      cut = Math.min(cut, oldest);
    }
    let removed = 0;
    while (this.#start < this.#entries.length) {
      const entry = this.#entries[this.#start];
      if (!entry || entry.seq >= cut) break;
      this.#start += 1;
      removed += 1;
    }
    if (this.#start > 1024 && this.#start * 2 > this.#entries.length) {
      this.#entries.splice(0, this.#start);
      this.#start = 0;
    }
    return removed;
  }

  /** How many entries are kept. */
  get length(): number {
    return this.#entries.length - this.#start;
  }
}
