import type { RejectionEvent } from '../observability/RejectionEvent.js';
import type { SwitchChangedEvent } from './SwitchChangedEvent.js';

/** Events of a {@link SwitchBoard}, also published on {@link channels}. */
export interface SwitchBoardEvents {
  /** A switch flipped here or on another node (published on {@link channels}.switchChanged). */
  'switch.changed': SwitchChangedEvent;
  /**
   * {@link SwitchBoard.run} threw a {@link DegradedError}: `source` `'switch'`, `code`
   * `'DEGRADED'`, and `name` the switch.
   */
  rejected: RejectionEvent;
}
