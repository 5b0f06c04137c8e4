import type { BinlogItem } from './BinlogItem.js';

/**
 * Decoded items waiting for the source's loop, with backpressure: once more than
 * `maxRows` rows wait, `onPause` stops the reader; once the loop has taken them
 * down to half of it, `onResume` lets it read again.
 * @internal
 */
export class BinlogQueue {
  #items: (BinlogItem | undefined)[] = [];
  #head = 0;
  #rows = 0;
  #paused = false;
  readonly #maxRows: number;
  readonly #onPause: (rows: number) => void;
  readonly #onResume: () => void;

  constructor(maxRows: number, onPause: (rows: number) => void, onResume: () => void) {
    this.#maxRows = maxRows;
    this.#onPause = onPause;
    this.#onResume = onResume;
  }

  /** Rows waiting. */
  get rows(): number {
    return this.#rows;
  }

  /** Whether the reader is paused. */
  get paused(): boolean {
    return this.#paused;
  }

  /** Whether nothing waits. */
  get empty(): boolean {
    return this.#head >= this.#items.length;
  }

  push(items: readonly BinlogItem[]): void {
    for (const item of items) {
      this.#items.push(item);
      if (item.kind === 'rows') this.#rows += item.rows.length;
    }
    if (!this.#paused && this.#rows > this.#maxRows) {
      this.#paused = true;
      this.#onPause(this.#rows);
    }
  }

  shift(): BinlogItem | undefined {
    if (this.empty) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head++;
    if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    if (item?.kind === 'rows') {
      this.#rows -= item.rows.length;
      if (this.#paused && this.#rows <= this.#maxRows / 2) {
        this.#paused = false;
        this.#onResume();
      }
    }
    return item;
  }

  /** Drops everything (the reader it came from is gone). */
  clear(): void {
    this.#items = [];
    this.#head = 0;
    this.#rows = 0;
    this.#paused = false;
  }
}
