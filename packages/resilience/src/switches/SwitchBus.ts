import type { SwitchUpdate } from './SwitchUpdate.js';

/**
 * Carries switch flips between the {@link SwitchBoard}s of a cluster and keeps the
 * current state for boards that start late or reconnect. {@link RedisSwitchBus} is the
 * Redis implementation; one bus can serve several boards.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { SwitchBoard, type SwitchBus, type SwitchUpdate } from '@mallkit/resilience';
 *
 * // A bus in process memory, e.g. for tests, or the start of a bus on another transport.
 * class MemorySwitchBus implements SwitchBus {
 *   readonly #stored = new Map<string, SwitchUpdate>();
 *   readonly #listeners = new Set<(update: SwitchUpdate) => void>();
 *   #version = 0;
 *   async attach(listener: (update: SwitchUpdate) => void): Promise<void> {
 *     this.#listeners.add(listener);
 *     for (const update of this.#stored.values()) listener(update);
 *   }
 *   detach(listener: (update: SwitchUpdate) => void): void {
 *     this.#listeners.delete(listener);
 *   }
 *   async publish(name: string, on: boolean): Promise<number> {
 *     const update = { name, on, version: ++this.#version };
 *     this.#stored.set(name, update);
 *     for (const listener of this.#listeners) listener(update);
 *     return update.version;
 *   }
 * }
 * const bus = new MemorySwitchBus();
 * const nodeA = new SwitchBoard({ name: 'doc:SwitchBus:a', switches: { 'reviews.off': false }, bus });
 * await nodeA.set('reviews.off', true);
 * const nodeB = new SwitchBoard({ name: 'doc:SwitchBus:b', switches: { 'reviews.off': false }, bus });
 * await nodeB.ready();
 * assert.equal(nodeB.isOn('reviews.off'), true); // loaded: it started after the flip
 * await nodeB.set('reviews.off', false);
 * assert.equal(nodeA.isOn('reviews.off'), false); // delivered to the other board
 * nodeA.close();
 * nodeB.close();
 * ```
 *
 * @group Degradation switches
 */
export interface SwitchBus {
  /**
   * Starts delivering updates to `listener`: the stored state of every switch, then each
   * change published by any node, and the whole stored state again whenever the bus
   * reconnects. Resolves once the stored state was delivered.
   */
  attach(listener: (update: SwitchUpdate) => void): Promise<void>;
  /** Stops delivering updates to `listener`. */
  detach(listener: (update: SwitchUpdate) => void): void;
  /** Stores and broadcasts a change; resolves with the version it got. */
  publish(name: string, on: boolean): Promise<number>;
}
