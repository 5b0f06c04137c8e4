import type { SwitchStats } from './SwitchStats.js';

/**
 * A snapshot of a {@link SwitchBoard}, from {@link SwitchBoard.stats}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { SwitchBoard, type SwitchBoardStats } from '@mallkit/resilience';
 *
 * const board = new SwitchBoard({
 *   name: 'doc:SwitchBoardStats',
 *   switches: { 'recommendations.off': false, 'search.simple': false },
 * });
 * await board.set('recommendations.off', true);
 * // e.g. a gauge per switch for your metrics
 * function gauges(stats: SwitchBoardStats): string[] {
 *   return stats.switches.map((s) => `switch_on{board="${stats.name}",switch="${s.name}"} ${s.on ? 1 : 0}`);
 * }
 * assert.deepEqual(gauges(board.stats()), [
 *   'switch_on{board="doc:SwitchBoardStats",switch="recommendations.off"} 1',
 *   'switch_on{board="doc:SwitchBoardStats",switch="search.simple"} 0',
 * ]);
 * board.close();
 * ```
 *
 * @group Degradation switches
 */
export interface SwitchBoardStats {
  /** The board's name. */
  name: string;
  /** Every declared switch, in declaration order. */
  switches: SwitchStats[];
}
