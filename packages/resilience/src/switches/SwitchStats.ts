import type { SwitchState } from './SwitchState.js';

/**
 * A switch's state and counters, from {@link SwitchBoard.stats}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { SwitchBoard, type SwitchStats } from '@mallkit/resilience';
 *
 * const board = new SwitchBoard({ name: 'doc:SwitchStats', switches: { 'reviews.off': false } });
 * await board.set('reviews.off', true);
 * await board.run('reviews.off', async () => ['5 stars'], []); // served the fallback
 * await board.run('reviews.off', async () => ['5 stars']).catch(() => []); // rejected: no fallback
 * const reviews: SwitchStats | undefined = board.stats().switches.find((s) => s.name === 'reviews.off');
 * assert.deepEqual(reviews, {
 *   name: 'reviews.off',
 *   on: true,
 *   defaultOn: false,
 *   changes: 1,
 *   fallbacks: 1,
 *   rejections: 1,
 * });
 * board.close();
 * ```
 *
 * @group Degradation switches
 */
export interface SwitchStats extends SwitchState {
  /** Times it flipped on this board, locally or remotely. */
  changes: number;
  /** Calls of {@link SwitchBoard.run} that got the fallback because it was on. */
  fallbacks: number;
  /** Calls of {@link SwitchBoard.run} rejected with {@link DegradedError} (no fallback). */
  rejections: number;
}
