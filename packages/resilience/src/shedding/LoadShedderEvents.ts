import type { RejectionEvent } from '../observability/RejectionEvent.js';

/**
 * Events of a {@link LoadShedder}, also published on {@link channels}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LoadShedder, type LoadShedderEvents } from '@mallkit/resilience';
 *
 * const shedder = new LoadShedder({ name: 'doc:LoadShedderEvents', limit: 2 });
 * const shed: Array<LoadShedderEvents['rejected']> = [];
 * shedder.events.on('rejected', (e) => shed.push(e)); // e.g. a counter by priority
 * const permit = shedder.acquire('core');
 * assert.equal(shedder.tryAcquire('background'), undefined); // 1 of 2 in flight: background is shed
 * permit.release();
 * assert.deepEqual(shed, [{ source: 'shedder', name: 'doc:LoadShedderEvents', code: 'LOAD_SHED', priority: 'background' }]);
 * ```
 *
 * @group Load shedding
 */
export interface LoadShedderEvents {
  /**
   * A request was shed: `source` `'shedder'`, `code` `'LOAD_SHED'`, with its priority.
   * Movements of an adaptive limit are events of the limit itself.
   */
  rejected: RejectionEvent;
}
