import { DegradedError } from '../errors/DegradedError.js';
import { InvalidOptionError } from '../errors/InvalidOptionError.js';
import { EventHub } from '../observability/EventHub.js';
import { requireSwitchName } from './requireSwitchName.js';
import type { SwitchBoardEvents } from './SwitchBoardEvents.js';
import type { SwitchBoardOptions } from './SwitchBoardOptions.js';
import type { SwitchBoardStats } from './SwitchBoardStats.js';
import type { SwitchBus } from './SwitchBus.js';
import type { SwitchState } from './SwitchState.js';
import type { SwitchUpdate } from './SwitchUpdate.js';

interface Entry {
  readonly name: string;
  readonly defaultOn: boolean;
  on: boolean;
  /** Version of the last update applied (or written) for this switch; 0: none. */
  version: number;
  /** Local writes not yet acknowledged by the bus. */
  pending: number;
  /** The newest remote update that arrived while writes were pending. */
  deferredVersion: number;
  deferredOn: boolean;
  changes: number;
  fallbacks: number;
  rejections: number;
}

/**
 * Named degradation switches, flippable at runtime and, with a {@link SwitchBus},
 * across the cluster. A switch being on means the degradation it names is in effect:
 * `recommendations.off` on hides recommendations, `cache.serveStale` on serves stale
 * entries. Call sites read a switch with {@link SwitchBoard.isOn} or wrap the feature
 * with {@link SwitchBoard.run}, which serves the fallback while the switch is on.
 *
 * Every flip, local or from another node, emits `switch.changed`. Concurrent flips of
 * one switch on several nodes converge on the last one Redis stored.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { isResilienceError, SwitchBoard, type SwitchChangedEvent } from '@mallkit/resilience';
 *
 * const switches = new SwitchBoard({
 *   name: 'doc:SwitchBoard',
 *   switches: { 'recommendations.off': false, 'cache.serveStale': false },
 *   // bus: new RedisSwitchBus(redis), to flip them on every node
 * });
 * const changes: SwitchChangedEvent[] = [];
 * switches.events.on('switch.changed', (e) => changes.push(e));
 * await switches.ready(); // with a bus: the cluster's current state is loaded
 *
 * const recommend = async (user: string) => [`sku-for-${user}`];
 * assert.deepEqual(await switches.run('recommendations.off', () => recommend('user-1'), []), ['sku-for-user-1']);
 * await switches.set('recommendations.off', true); // e.g. from an admin endpoint
 * assert.deepEqual(await switches.run('recommendations.off', () => recommend('user-1'), []), []); // the fallback
 * await assert.rejects(
 *   switches.run('recommendations.off', () => recommend('user-1')), // no fallback
 *   (e) => isResilienceError(e) && e.code === 'DEGRADED',
 * );
 * assert.equal(switches.isOn('cache.serveStale'), false);
 * assert.deepEqual(changes, [{ board: 'doc:SwitchBoard', name: 'recommendations.off', on: true, source: 'local' }]);
 * switches.close();
 * ```
 *
 * @group Degradation switches
 */
export class SwitchBoard {
  /** Name in events and stats. */
  readonly name: string;
  /** Typed events; see {@link SwitchBoardEvents}. */
  readonly events = new EventHub<SwitchBoardEvents>();
  readonly #entries = new Map<string, Entry>();
  readonly #bus: SwitchBus | undefined;
  readonly #ready: Promise<void>;
  readonly #onUpdate = (update: SwitchUpdate) => this.#receive(update);
  #closed = false;

  /** @param options - see {@link SwitchBoardOptions} */
  constructor(options: SwitchBoardOptions = {}) {
    this.name = options.name ?? 'switches';
    const switches = options.switches ?? {};
    if (typeof switches !== 'object' || switches === null) {
      throw new InvalidOptionError('switchBoard.switches', 'an object of name: boolean', switches);
    }
    for (const [name, defaultOn] of Object.entries(switches)) {
      requireSwitchName('switchBoard.switches key', name);
      if (typeof defaultOn !== 'boolean') {
        throw new InvalidOptionError(`switchBoard.switches.${name}`, 'a boolean', defaultOn);
      }
      this.#entries.set(name, {
        name,
        defaultOn,
        on: defaultOn,
        version: 0,
        pending: 0,
        deferredVersion: 0,
        deferredOn: defaultOn,
        changes: 0,
        fallbacks: 0,
        rejections: 0,
      });
    }
    const bus = options.bus;
    if (bus !== undefined && (typeof bus !== 'object' || typeof bus?.attach !== 'function')) {
      throw new InvalidOptionError('switchBoard.bus', 'a SwitchBus', bus);
    }
    this.#bus = bus;
    this.#ready = bus ? bus.attach(this.#onUpdate) : Promise.resolve();
    this.#ready.catch(() => {}); // surfaced by ready(); the bus reloads on reconnect anyway
  }

  /**
   * Resolves once the bus delivered the cluster's current state (at once without a
   * bus). Until then switches have their default state. Rejects if that first load
   * failed; the bus loads again when it reconnects.
   */
  ready(): Promise<void> {
    return this.#ready;
  }

  /** Whether switch `name` is on. Throws an {@link InvalidOptionError} for an undeclared name. */
  isOn(name: string): boolean {
    return this.#entry(name, 'name').on;
  }

  /**
   * Turns switch `name` on or off: at once on this board (emitting `switch.changed` with
   * source `'local'` if it flipped), then on every node through the bus. Resolves when
   * the bus stored and broadcast the change; rejects if it could not (the local state
   * stays). Rejects with an {@link InvalidOptionError} for an undeclared name.
   */
  async set(name: string, on: boolean): Promise<void> {
    const entry = this.#entry(name, 'name');
    if (typeof on !== 'boolean') throw new InvalidOptionError('on', 'a boolean', on);
    this.#apply(entry, on, 'local');
    const bus = this.#bus;
    if (bus === undefined || this.#closed) return;
    entry.pending++;
    try {
      const version = await bus.publish(name, on);
      if (version > entry.version) entry.version = version;
    } finally {
      entry.pending--;
      if (entry.pending === 0 && entry.deferredVersion > entry.version) {
        entry.version = entry.deferredVersion;
        this.#apply(entry, entry.deferredOn, 'remote');
      }
    }
  }

  /**
   * Calls `fn` while switch `name` is off. While it is on, returns `fallback` instead —
   * calling it if it is a function — or, without a fallback, rejects with a
   * {@link DegradedError}. (To fall back to `undefined` or to a function value, pass a
   * function returning it.)
   */
  async run<T>(
    name: string,
    fn: () => T | PromiseLike<T>,
    fallback?: T | (() => T | PromiseLike<T>),
  ): Promise<T> {
    const entry = this.#entry(name, 'name');
    if (!entry.on) return fn();
    if (fallback === undefined) {
      entry.rejections++;
      if (this.events.wants('rejected')) {
        this.events.emit('rejected', { source: 'switch', name, code: 'DEGRADED' });
      }
      throw new DegradedError(name);
    }
    entry.fallbacks++;
    return typeof fallback === 'function' ? (fallback as () => T | PromiseLike<T>)() : fallback;
  }

  /** Every declared switch with its state, in declaration order. */
  list(): SwitchState[] {
    return [...this.#entries.values()].map((e) => ({
      name: e.name,
      on: e.on,
      defaultOn: e.defaultOn,
    }));
  }

  /** A snapshot of states and counters; see {@link SwitchBoardStats}. */
  stats(): SwitchBoardStats {
    return {
      name: this.name,
      switches: [...this.#entries.values()].map((e) => ({
        name: e.name,
        on: e.on,
        defaultOn: e.defaultOn,
        changes: e.changes,
        fallbacks: e.fallbacks,
        rejections: e.rejections,
      })),
    };
  }

  /**
   * Stops following the bus: later remote flips are not applied, and {@link SwitchBoard.set}
   * changes only this board. Does not close the bus, which the caller owns.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#bus?.detach(this.#onUpdate);
  }

  #entry(name: string, option: string): Entry {
    const entry = this.#entries.get(name);
    if (entry !== undefined) return entry;
    requireSwitchName(option, name);
    throw new InvalidOptionError(
      option,
      `a switch declared on board "${this.name}" (${[...this.#entries.keys()].join(', ') || 'none'})`,
      name,
    );
  }

  #receive(update: SwitchUpdate): void {
    if (this.#closed) return;
    const entry = this.#entries.get(update.name);
    if (entry === undefined || !(update.version > entry.version)) return;
    if (entry.pending > 0) {
      // A local write is in flight: its version decides once it is known.
      if (update.version > entry.deferredVersion) {
        entry.deferredVersion = update.version;
        entry.deferredOn = update.on;
      }
      return;
    }
    entry.version = update.version;
    this.#apply(entry, update.on, 'remote');
  }

  #apply(entry: Entry, on: boolean, source: 'local' | 'remote'): void {
    if (entry.on === on) return;
    entry.on = on;
    entry.changes++;
    if (this.events.wants('switch.changed')) {
      this.events.emit('switch.changed', { board: this.name, name: entry.name, on, source });
    }
  }
}
