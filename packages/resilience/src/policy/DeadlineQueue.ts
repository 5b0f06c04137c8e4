import type { Clock } from '../clock/Clock.js';

/** What the queue needs of an entry. */
export interface Expirable {
  deadline: number;
  done: boolean;
  /** Called once the deadline passes while the entry is not done. */
  expire(): void;
}

/**
 * Deadlines of one policy's calls with one timer for all of them. Every entry gets the
 * same timeout, so deadlines arrive in the order entries are added and the queue is a
 * FIFO: adding is a push, and settled entries fall off the head. This is what makes a
 * per-call timeout cost tens of nanoseconds instead of a timer and an
 * `AbortController` per call.
 */
export class DeadlineQueue<E extends Expirable> {
  readonly #timeoutMs: number;
  readonly #clock: Clock;
  readonly #items: Array<E | undefined> = [];
  #head = 0;
  #tail = 0;
  #timer: NodeJS.Timeout | undefined;

  /**
   * @param timeoutMs - the deadline of every entry, from when it is added
   * @param clock - the time source
   */
  constructor(timeoutMs: number, clock: Clock) {
    this.#timeoutMs = timeoutMs;
    this.#clock = clock;
  }

  /** Entries not yet dropped (settled ones may linger until the head passes them). */
  get size(): number {
    return this.#tail - this.#head;
  }

  /** Tracks `entry`, whose deadline becomes now + timeout. */
  add(entry: E): void {
    entry.deadline = this.#clock.now() + this.#timeoutMs;
    this.#items[this.#tail++] = entry;
    if (this.#timer === undefined) this.#arm(this.#timeoutMs);
  }

  /** Drops settled entries at the head; call after an entry settles. */
  trim(): void {
    const items = this.#items;
    let head = this.#head;
    const tail = this.#tail;
    while (head < tail && (items[head] as E).done) items[head++] = undefined;
    if (head === tail) {
      this.#head = 0;
      this.#tail = 0;
      return;
    }
    if (head > 1024 && head * 2 > tail) {
      items.copyWithin(0, head, tail);
      items.fill(undefined, tail - head, tail);
      this.#tail = tail - head;
      head = 0;
    }
    this.#head = head;
  }

  #arm(delayMs: number): void {
    this.#timer = setTimeout(() => this.#fire(), Math.max(1, Math.ceil(delayMs)));
    this.#timer.unref();
  }

  #fire(): void {
    this.#timer = undefined;
    const now = this.#clock.now();
    const items = this.#items;
    while (this.#head < this.#tail) {
      const entry = items[this.#head] as E;
      if (!entry.done && entry.deadline > now) break;
      items[this.#head++] = undefined;
      if (!entry.done) entry.expire();
    }
    this.trim();
    const next = this.#head < this.#tail ? items[this.#head] : undefined;
    if (next) this.#arm(next.deadline - now);
  }
}
