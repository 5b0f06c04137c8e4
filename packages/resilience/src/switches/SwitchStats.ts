import type { SwitchState } from './SwitchState.js';

/** A switch's state and counters, from {@link SwitchBoard.stats}. */
export interface SwitchStats extends SwitchState {
  /** Times it flipped on this board, locally or remotely. */
  changes: number;
  /** Calls of {@link SwitchBoard.run} that got the fallback because it was on. */
  fallbacks: number;
  /** Calls of {@link SwitchBoard.run} rejected with {@link DegradedError} (no fallback). */
  rejections: number;
}
