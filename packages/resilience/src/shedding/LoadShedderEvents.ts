import type { RejectionEvent } from '../observability/RejectionEvent.js';

/** Events of a {@link LoadShedder}, also published on {@link channels}. */
export interface LoadShedderEvents {
  /**
   * A request was shed: `source` `'shedder'`, `code` `'LOAD_SHED'`, with its priority.
   * Movements of an adaptive limit are events of the limit itself.
   */
  rejected: RejectionEvent;
}
