import type { Priority } from '../shedding/Priority.js';

/**
 * Published on {@link channels}.rejected (and as each component's `rejected` event)
 * whenever a call is refused without being attempted, or abandoned at its deadline.
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
 */
export interface RejectionEvent {
  /** Which kind of component refused. */
  source: 'limiter' | 'breaker' | 'bulkhead' | 'timeout' | 'shedder' | 'switch';
  /** The component instance's name. */
  name: string;
  /** The error code the caller received, e.g. `'RATE_LIMITED'`. */
  code: string;
  /** The request's priority, when known. */
  priority?: Priority;
  /** The limited key, for keyed limiters. */
  key?: string;
}
