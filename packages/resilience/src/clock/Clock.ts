/**
 * A source of time in milliseconds. Components take one so that tests (and
 * simulations) can drive time by hand with {@link ManualClock} instead of sleeping.
 */
export interface Clock {
  /** Milliseconds on a monotonic scale; only differences are meaningful. */
  now(): number;
}

/** The process's monotonic clock (`performance.now()`). */
export const systemClock: Clock = {
  now: () => performance.now(),
};
