import diagnostics from 'node:diagnostics_channel';

/**
 * Stops a listener added with {@link EventHub.on}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DependencyPolicy, type Unsubscribe } from '@mallkit/resilience';
 *
 * const policy = new DependencyPolicy({ name: 'doc:Unsubscribe' });
 * let refused = 0;
 * const stop: Unsubscribe = policy.events.on('rejected', () => refused++);
 * const release = policy.breaker?.isolate();
 * await policy.execute(() => 'first').catch(() => {});
 * stop(); // e.g. when the test or the request that listened ends
 * await policy.execute(() => 'second').catch(() => {});
 * release?.();
 * assert.equal(refused, 1);
 * ```
 *
 * @group Events and diagnostics
 */
export type Unsubscribe = () => void;

/**
 * Typed events of one component, mirrored on `diagnostics_channel`.
 *
 * Every event `name` is published on the channel `<prefix>:<name>` (for this package
 * `mallkit:resilience:<name>`, see {@link channels}), so a server can observe every
 * instance without holding references to them; listeners added with
 * {@link EventHub.on} see only this instance. Emitting costs one boolean check when
 * nobody listens. Other mallkit packages use it with their own prefix.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import diagnostics from 'node:diagnostics_channel';
 * import { EventHub } from '@mallkit/resilience';
 *
 * // Events of your own component, under your own channel prefix.
 * interface ImportEvents {
 *   'batch.done': { rows: number };
 * }
 * const events = new EventHub<ImportEvents>('doc:EventHub');
 * const rows: number[] = [];
 * const off = events.on('batch.done', (event) => rows.push(event.rows)); // this instance only
 * const published: unknown[] = [];
 * const onChannel = (message: unknown) => published.push(message); // every instance
 * diagnostics.subscribe('doc:EventHub:batch.done', onChannel);
 *
 * events.emit('batch.done', { rows: 500 });
 * off();
 * diagnostics.unsubscribe('doc:EventHub:batch.done', onChannel);
 * assert.equal(events.wants('batch.done'), false); // nobody listens: emitting is nearly free
 * events.emit('batch.done', { rows: 20 });
 * assert.deepEqual(rows, [500]);
 * assert.deepEqual(published, [{ rows: 500 }]);
 * ```
 *
 * @group Events and diagnostics
 */
export class EventHub<Events extends { [K in keyof Events]: object }> {
  readonly #listeners = new Map<keyof Events, Set<(event: never) => void>>();
  readonly #channels = new Map<keyof Events, diagnostics.Channel>();
  readonly #prefix: string;

  /** @param prefix - the channel prefix, e.g. `'mallkit:cache'` */
  constructor(prefix = 'mallkit:resilience') {
    this.#prefix = prefix;
  }

  /** Calls `listener` for every `name` event of this instance. */
  on<K extends keyof Events>(name: K, listener: (event: Events[K]) => void): Unsubscribe {
    let set = this.#listeners.get(name);
    if (!set) {
      set = new Set();
      this.#listeners.set(name, set);
    }
    set.add(listener as (event: never) => void);
    return () => {
      set.delete(listener as (event: never) => void);
    };
  }

  /**
   * Whether anyone would see a `name` event: a listener of this instance, or a
   * subscriber of the channel.
   * @param channel - `false` to ask about this instance's listeners only (see
   * {@link EventHub.emit})
   */
  wants(name: keyof Events, channel = true): boolean {
    return (
      (this.#listeners.get(name)?.size ?? 0) > 0 || (channel && this.#channel(name).hasSubscribers)
    );
  }

  /**
   * Delivers `event` to this instance's listeners and the channel's subscribers.
   * @param channel - `false` to deliver it to this instance's listeners only, for an
   * event another component already published on the channel (so that its subscribers
   * see it once)
   */
  emit<K extends keyof Events>(name: K, event: Events[K], channel = true): void {
    const set = this.#listeners.get(name);
    if (set) for (const listener of set) (listener as (event: Events[K]) => void)(event);
    if (!channel) return;
    const published = this.#channel(name);
    if (published.hasSubscribers) published.publish(event);
  }

  #channel(name: keyof Events): diagnostics.Channel {
    let channel = this.#channels.get(name);
    if (!channel) {
      channel = diagnostics.channel(`${this.#prefix}:${String(name)}`);
      this.#channels.set(name, channel);
    }
    return channel;
  }
}
