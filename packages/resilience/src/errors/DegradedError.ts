import { ResilienceError } from './ResilienceError.js';

/**
 * A degradation switch is on (the feature is degraded) and the call site gave no fallback.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DegradedError, SwitchBoard } from '@mallkit/resilience';
 *
 * const switches = new SwitchBoard({ switches: { 'doc:DegradedError.reviews.off': true } });
 * const loadReviews = async (): Promise<string[]> => ['Great kettle'];
 *
 * const error = await switches
 *   .run('doc:DegradedError.reviews.off', loadReviews)
 *   .catch((e: unknown) => e);
 * assert.ok(error instanceof DegradedError);
 * assert.equal(error.code, 'DEGRADED');
 * assert.equal(error.switchName, 'doc:DegradedError.reviews.off');
 * // With a fallback, the call site serves it instead.
 * assert.deepEqual(await switches.run('doc:DegradedError.reviews.off', loadReviews, []), []);
 * switches.close();
 * ```
 *
 * @group Errors
 */
export class DegradedError extends ResilienceError {
  /** The switch that is on. */
  readonly switchName: string;

  /** @param switchName - the switch that is on */
  constructor(switchName: string) {
    super('DEGRADED', `degraded by switch "${switchName}" and no fallback was given`);
    this.switchName = switchName;
  }
}
