/**
 * A pressure reading the {@link LoadShedder} checks on admission, such as the event
 * loop delay in milliseconds ({@link EventLoopDelaySignal}). Tests drive the shedder by
 * passing an object whose `read()` returns what they need.
 *
 * @example
 * ```ts
 * import { LoadShedder, type PressureSignal } from '@mallkit/resilience';
 *
 * let delayMs = 0;
 * const eventLoopDelay: PressureSignal = { read: () => delayMs };
 * const shedder = new LoadShedder({ limit: 10, eventLoopDelay });
 * delayMs = 500; // from now on background and normal requests are shed
 * ```
 */
export interface PressureSignal {
  /** The current reading. Called on every admission, so it must be cheap. */
  read(): number;
}
