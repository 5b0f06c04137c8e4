import type { RejectionEvent } from '../observability/RejectionEvent.js';
import type { LimiterDecisionEvent } from './LimiterDecisionEvent.js';

/** Events of every rate limiter, by name (see {@link channels} for the channels). */
export interface LimiterEvents {
  /** A request was refused: `source: 'limiter'`, `code: 'RATE_LIMITED'`. */
  rejected: RejectionEvent;
  /** A request was decided, admitted or refused. */
  'limiter.decision': LimiterDecisionEvent;
}
