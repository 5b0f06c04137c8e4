/**
 * A degradation switch flipped; published as `switch.changed`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import diagnostics from 'node:diagnostics_channel';
 * import { channels, SwitchBoard, type SwitchChangedEvent } from '@mallkit/resilience';
 *
 * const flips: SwitchChangedEvent[] = [];
 * const onFlip = (message: unknown) => {
 *   const event = message as SwitchChangedEvent; // every board of the process publishes here
 *   if (event.board === 'doc:SwitchChangedEvent') flips.push(event);
 * };
 * diagnostics.subscribe(channels.switchChanged, onFlip);
 * const board = new SwitchBoard({ name: 'doc:SwitchChangedEvent', switches: { 'search.simple': false } });
 * await board.set('search.simple', true);
 * await board.set('search.simple', true); // already on: no event
 * diagnostics.unsubscribe(channels.switchChanged, onFlip);
 * assert.deepEqual(flips, [{ board: 'doc:SwitchChangedEvent', name: 'search.simple', on: true, source: 'local' }]);
 * board.close();
 * ```
 *
 * @group Degradation switches
 */
export interface SwitchChangedEvent {
  /** The name of the {@link SwitchBoard}. */
  board: string;
  /** The switch. */
  name: string;
  /** Its new state. */
  on: boolean;
  /** `'local'`: flipped with {@link SwitchBoard.set} here; `'remote'`: by another node, or loaded. */
  source: 'local' | 'remote';
}
