/**
 * A switch and its state, from {@link SwitchBoard.list}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { SwitchBoard, type SwitchState } from '@mallkit/resilience';
 *
 * const board = new SwitchBoard({
 *   name: 'doc:SwitchState',
 *   switches: { 'recommendations.off': false, 'search.simple': true },
 * });
 * await board.set('recommendations.off', true);
 * const states: SwitchState[] = board.list();
 * assert.deepEqual(states, [
 *   { name: 'recommendations.off', on: true, defaultOn: false },
 *   { name: 'search.simple', on: true, defaultOn: true },
 * ]);
 * // e.g. what an admin page highlights: switches away from their default
 * assert.deepEqual(states.filter((s) => s.on !== s.defaultOn).map((s) => s.name), ['recommendations.off']);
 * board.close();
 * ```
 *
 * @group Degradation switches
 */
export interface SwitchState {
  /** The switch. */
  name: string;
  /** Whether it is on (the degradation it names is in effect). */
  on: boolean;
  /** Its declared state, used until the cluster says otherwise. */
  defaultOn: boolean;
}
