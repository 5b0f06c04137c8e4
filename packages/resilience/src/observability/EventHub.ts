import diagnostics from 'node:diagnostics_channel';

/** Stops a listener added with {@link EventHub.on}. */
export type Unsubscribe = () => void;

/**
 * Typed events of one component, mirrored on `diagnostics_channel`.
 *
 * Every event `name` is published on the channel `<prefix>:<name>` (for this package
 * `mallkit:resilience:<name>`, see {@link channels}), so a server can observe every
 * instance without holding references to them; listeners added with
 * {@link EventHub.on} see only this instance. Emitting costs one boolean check when
 * nobody listens. Other mallkit packages use it with their own prefix.
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

  /** Whether anyone (listener or channel subscriber) would see a `name` event. */
  wants(name: keyof Events): boolean {
    return (this.#listeners.get(name)?.size ?? 0) > 0 || this.#channel(name).hasSubscribers;
  }

  /** Delivers `event` to this instance's listeners and the channel's subscribers. */
  emit<K extends keyof Events>(name: K, event: Events[K]): void {
    const set = this.#listeners.get(name);
    if (set) for (const listener of set) (listener as (event: Events[K]) => void)(event);
    const channel = this.#channel(name);
    if (channel.hasSubscribers) channel.publish(event);
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
