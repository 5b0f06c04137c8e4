/**
 * A pressure reading the {@link LoadShedder} checks on admission, such as the event
 * loop delay in milliseconds ({@link EventLoopDelaySignal}). Tests drive the shedder by
 * passing an object whose `read()` returns what they need.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { LoadShedder, LoadShedError, type PressureSignal } from '@mallkit/resilience';
 *
 * let delayMs = 0;
 * const eventLoopDelay: PressureSignal = { read: () => delayMs };
 * const shedder = new LoadShedder({ name: 'doc:PressureSignal', limit: 10, eventLoopDelay });
 * assert.equal(await shedder.run('background', async () => 'report'), 'report');
 * delayMs = 500; // from now on background and normal requests are shed
 * await assert.rejects(
 *   shedder.run('normal', async () => 'list page'),
 *   (e) => e instanceof LoadShedError && e.reason === 'eventLoopDelay',
 * );
 * assert.equal(await shedder.run('core', async () => 'product page'), 'product page');
 * ```
 *
 * @group Load shedding
 */
export interface PressureSignal {
  /** The current reading. Called on every admission, so it must be cheap. */
  read(): number;
}
