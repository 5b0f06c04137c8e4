/**
 * A switch state as a {@link SwitchBus} stores and broadcasts it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { SwitchBoard, type SwitchBus, type SwitchUpdate } from '@mallkit/resilience';
 *
 * let deliver: (update: SwitchUpdate) => void = () => {};
 * const bus: SwitchBus = { // a bus whose deliveries the example makes by hand
 *   attach: async (listener) => {
 *     deliver = listener;
 *   },
 *   detach: () => {},
 *   publish: async () => 0,
 * };
 * const board = new SwitchBoard({ name: 'doc:SwitchUpdate', switches: { 'search.simple': false }, bus });
 * await board.ready();
 * deliver({ name: 'search.simple', on: true, version: 2 });
 * deliver({ name: 'search.simple', on: false, version: 1 }); // older, arrived late: ignored
 * assert.equal(board.isOn('search.simple'), true);
 * board.close();
 * ```
 *
 * @group Degradation switches
 */
export interface SwitchUpdate {
  /** The switch. */
  name: string;
  /** Its state. */
  on: boolean;
  /**
   * Orders the changes of one switch across the cluster: a board applies an update only
   * if its version is higher than the last one it applied for that switch.
   */
  version: number;
}
