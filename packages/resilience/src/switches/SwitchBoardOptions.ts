import type { SwitchBus } from './SwitchBus.js';

/**
 * Settings of a {@link SwitchBoard}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { isResilienceError, SwitchBoard, type SwitchBoardOptions } from '@mallkit/resilience';
 *
 * const options: SwitchBoardOptions = {
 *   name: 'doc:SwitchBoardOptions',
 *   switches: { 'search.simple': true, 'reviews.off': false }, // with their default state
 *   // bus: a RedisSwitchBus shares flips between nodes; without one they stay in this process
 * };
 * const board = new SwitchBoard(options);
 * assert.equal(board.isOn('search.simple'), true);
 * assert.equal(board.isOn('reviews.off'), false);
 * assert.throws(() => board.isOn('search.smiple'), (e) => isResilienceError(e) && e.code === 'INVALID_OPTION'); // a typo
 * board.close();
 * ```
 *
 * @group Degradation switches
 */
export interface SwitchBoardOptions {
  /** Name in events and stats. @default 'switches' */
  name?: string;
  /**
   * The switches this board knows, with their default state; any other name is an
   * error. A switch being on means the degradation it names is in effect, e.g.
   * `{ 'recommendations.off': false, 'cache.serveStale': false }`.
   * @default {}
   */
  switches?: Readonly<Record<string, boolean>>;
  /**
   * Shares flips with the other nodes and loads the current state, e.g. a
   * {@link RedisSwitchBus}. Without it, switches are local to this process.
   * @default undefined
   */
  bus?: SwitchBus;
}
