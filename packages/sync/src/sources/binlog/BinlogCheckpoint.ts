import type { CheckpointStore } from '../../checkpoints/CheckpointStore.js';
import { isSyncError, SyncError } from '../../errors/SyncError.js';
import { type BinlogPosition, formatBinlogPosition } from './BinlogPosition.js';

/**
 * A binlog source's progress: `accepted` (everything before it was accepted by
 * the sink) and what was saved to the checkpoint store, and when.
 * @internal
 */
export class BinlogCheckpoint {
  #accepted: BinlogPosition | undefined;
  #saved: string | undefined;
  #savedAt = 0;
  readonly #store: CheckpointStore;
  readonly #name: string;
  readonly #onSaved: (position: string) => void;
  readonly #onError: (error: unknown) => void;

  constructor(
    store: CheckpointStore,
    name: string,
    onSaved: (position: string) => void,
    onError: (error: unknown) => void,
  ) {
    this.#store = store;
    this.#name = name;
    this.#onSaved = onSaved;
    this.#onError = onError;
  }

  get accepted(): BinlogPosition | undefined {
    return this.#accepted;
  }

  /** The accepted position as text. */
  get position(): string | undefined {
    return this.#accepted && formatBinlogPosition(this.#accepted);
  }

  /** The last saved checkpoint. */
  get saved(): string | undefined {
    return this.#saved;
  }

  /** Whether the accepted position is ahead of the saved one. */
  get dirty(): boolean {
    return this.#accepted !== undefined && this.position !== this.#saved;
  }

  /** Milliseconds until an idle save is due. */
  dueIn(idleMs: number): number {
    return this.#savedAt + idleMs - Date.now();
  }

  /** Reads the saved checkpoint. */
  async load(): Promise<string | undefined> {
    try {
      this.#saved = await this.#store.load(this.#name);
      return this.#saved;
    } catch (error) {
      throw isSyncError(error)
        ? error
        : new SyncError('SOURCE_UNAVAILABLE', 'binlog source: cannot load the checkpoint', {
            cause: error,
          });
    }
  }

  accept(position: BinlogPosition | undefined): void {
    if (position) this.#accepted = position;
  }

  /** Saves the accepted position if it moved; a failure is reported, not thrown (the next save catches up). */
  async save(): Promise<void> {
    const position = this.position;
    if (position === undefined || position === this.#saved) return;
    this.#savedAt = Date.now();
    try {
      await this.#store.save(this.#name, position);
      this.#saved = position;
      this.#onSaved(position);
    } catch (error) {
      this.#onError(error);
    }
  }

  /** Saves `position` as accepted and checkpoint, throwing on failure (after a snapshot). */
  async saveNow(position: BinlogPosition): Promise<void> {
    const text = formatBinlogPosition(position);
    await this.#store.save(this.#name, text);
    this.#accepted = position;
    this.#saved = text;
    this.#savedAt = Date.now();
    this.#onSaved(text);
  }
}
