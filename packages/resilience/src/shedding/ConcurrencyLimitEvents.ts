import type { LimitChangedEvent } from './LimitChangedEvent.js';

/**
 * Events of {@link AimdLimit} and {@link GradientLimit}, also published on {@link channels}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import diagnostics from 'node:diagnostics_channel';
 * import { AimdLimit, channels, type ConcurrencyLimitEvents } from '@mallkit/resilience';
 *
 * type LimitMoved = ConcurrencyLimitEvents['shedder.limit'];
 * const name = 'doc:ConcurrencyLimitEvents';
 * const limit = new AimdLimit({ name, initialLimit: 10 });
 * const ofInstance: LimitMoved[] = [];
 * limit.events.on('shedder.limit', (e) => ofInstance.push(e));
 * const ofProcess: LimitMoved[] = []; // every limit of the process publishes here
 * const onMessage = (message: unknown) => {
 *   const event = message as LimitMoved;
 *   if (event.name === name) ofProcess.push(event);
 * };
 * diagnostics.subscribe(channels.limitChanged, onMessage);
 * limit.onSample(40, 8, true); // a drop
 * diagnostics.unsubscribe(channels.limitChanged, onMessage);
 * assert.deepEqual(ofInstance, [{ name, algorithm: 'aimd', limit: 9, previous: 10 }]);
 * assert.deepEqual(ofProcess, ofInstance);
 * ```
 *
 * @group Load shedding
 */
export interface ConcurrencyLimitEvents {
  /** The limit moved (published on {@link channels}.limitChanged). */
  'shedder.limit': LimitChangedEvent;
}
