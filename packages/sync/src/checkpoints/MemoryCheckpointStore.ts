import type { CheckpointStore } from './CheckpointStore.js';

/** Positions in a Map: for tests and the embedded mode, lost on restart. */
export class MemoryCheckpointStore implements CheckpointStore {
  readonly #positions = new Map<string, string>();

  /** The last saved position of the source. */
  async load(source: string): Promise<string | undefined> {
    return this.#positions.get(source);
  }

  /** Saves the source's position. */
  async save(source: string, position: string): Promise<void> {
    this.#positions.set(source, position);
  }
}
