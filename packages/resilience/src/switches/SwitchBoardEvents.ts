import type { RejectionEvent } from '../observability/RejectionEvent.js';
import type { SwitchChangedEvent } from './SwitchChangedEvent.js';

/**
 * Events of a {@link SwitchBoard}, also published on {@link channels}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { SwitchBoard, type SwitchBoardEvents } from '@mallkit/resilience';
 *
 * const board = new SwitchBoard({ name: 'doc:SwitchBoardEvents', switches: { 'reviews.off': false } });
 * const seen: Array<SwitchBoardEvents[keyof SwitchBoardEvents]> = [];
 * board.events.on('switch.changed', (e) => seen.push(e)); // e.g. an audit log
 * board.events.on('rejected', (e) => seen.push(e)); // e.g. a counter
 * await board.set('reviews.off', true);
 * await assert.rejects(board.run('reviews.off', async () => ['5 stars']), { code: 'DEGRADED' });
 * assert.deepEqual(seen, [
 *   { board: 'doc:SwitchBoardEvents', name: 'reviews.off', on: true, source: 'local' },
 *   { source: 'switch', name: 'reviews.off', code: 'DEGRADED' },
 * ]);
 * board.close();
 * ```
 *
 * @group Degradation switches
 */
export interface SwitchBoardEvents {
  /** A switch flipped here or on another node (published on {@link channels}.switchChanged). */
  'switch.changed': SwitchChangedEvent;
  /**
   * {@link SwitchBoard.run} threw a {@link DegradedError}: `source` `'switch'`, `code`
   * `'DEGRADED'`, and `name` the switch.
   */
  rejected: RejectionEvent;
}
