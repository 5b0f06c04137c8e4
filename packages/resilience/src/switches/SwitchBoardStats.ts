import type { SwitchStats } from './SwitchStats.js';

/** A snapshot of a {@link SwitchBoard}, from {@link SwitchBoard.stats}. */
export interface SwitchBoardStats {
  /** The board's name. */
  name: string;
  /** Every declared switch, in declaration order. */
  switches: SwitchStats[];
}
