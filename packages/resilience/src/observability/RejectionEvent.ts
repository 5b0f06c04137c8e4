import type { Priority } from '../shedding/Priority.js';

/**
 * Published on {@link channels}.rejected (and as each component's `rejected` event)
 * whenever a call is refused without being attempted, or an attempt of a
 * {@link DependencyPolicy} is abandoned at its deadline (`source: 'timeout'`, once per
 * attempt). Each refusal is published once on the channel: a refusal by a policy's
 * limiter by the limiter (`name`: the limiter's, with `key`), unless the limiter does
 * not publish its own (one you wrote), in which case the policy publishes it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DependencyPolicy, type RejectionEvent } from '@mallkit/resilience';
 *
 * const mysql = new DependencyPolicy({ name: 'doc:RejectionEvent' });
 * const rejections: RejectionEvent[] = [];
 * mysql.events.on('rejected', (event) => rejections.push(event));
 *
 * const release = mysql.breaker?.isolate();
 * await mysql.execute(() => 'not attempted').catch(() => {});
 * release?.();
 * assert.deepEqual(rejections, [
 *   { source: 'breaker', name: 'doc:RejectionEvent', code: 'CIRCUIT_OPEN' },
 * ]);
 * ```
 *
 * @group Events and diagnostics
 */
export interface RejectionEvent {
  /** Which kind of component refused. */
  source: 'limiter' | 'breaker' | 'bulkhead' | 'timeout' | 'shedder' | 'switch';
  /** The component instance's name. */
  name: string;
  /**
   * The error code of the refusal, e.g. `'RATE_LIMITED'`; `'TIMEOUT'` for a timed-out
   * attempt (the caller receives it unless the attempt is retried).
   */
  code: string;
  /** The request's priority, when known. */
  priority?: Priority;
  /** The limited key, for keyed limiters. */
  key?: string;
}
