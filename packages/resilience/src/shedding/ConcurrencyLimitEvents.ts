import type { LimitChangedEvent } from './LimitChangedEvent.js';

/** Events of {@link AimdLimit} and {@link GradientLimit}, also published on {@link channels}. */
export interface ConcurrencyLimitEvents {
  /** The limit moved (published on {@link channels}.limitChanged). */
  'shedder.limit': LimitChangedEvent;
}
