/**
 * One load per key at a time in this process: concurrent callers of
 * {@link SingleFlight.run} for the same key share the first caller's promise — its
 * value or its error.
 */
export class SingleFlight<T> {
  readonly #flights = new Map<string, Promise<T>>();

  /** Loads in flight now. */
  get size(): number {
    return this.#flights.size;
  }

  /** The load in flight for `key`, if any. */
  get(key: string): Promise<T> | undefined {
    return this.#flights.get(key);
  }

  /** Runs `load` unless a load for `key` is in flight, in which case its promise is returned. */
  run(key: string, load: () => Promise<T>): Promise<T> {
    const current = this.#flights.get(key);
    if (current) return current;
    let started: Promise<T>;
    try {
      started = load();
    } catch (error) {
      started = Promise.reject(error);
    }
    const flight = started.finally(() => {
      if (this.#flights.get(key) === flight) this.#flights.delete(key);
    });
    this.#flights.set(key, flight);
    return flight;
  }
}
