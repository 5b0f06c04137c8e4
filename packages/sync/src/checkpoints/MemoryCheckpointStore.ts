import type { CheckpointStore } from './CheckpointStore.js';

/**
 * Positions in a Map: for tests and the embedded mode, lost on restart.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { MemoryCheckpointStore } from '@mallkit/sync';
 *
 * // e.g. `new BinlogSource({ connection, checkpoints })` in a test, or the embedded mode
 * const checkpoints = new MemoryCheckpointStore();
 * assert.equal(await checkpoints.load('binlog'), undefined); // never saved: the source uses `startAt`
 * await checkpoints.save('binlog', 'mariadb-bin.000003:4711');
 * await checkpoints.save('outbox', '42');
 * assert.equal(await checkpoints.load('binlog'), 'mariadb-bin.000003:4711'); // one position per source
 * assert.equal(await new MemoryCheckpointStore().load('binlog'), undefined); // gone with the instance
 * ```
 *
 * @group Checkpoints
 */
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
