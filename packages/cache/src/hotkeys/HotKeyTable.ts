/** Why and how long one key is hot, in a {@link HotKeyTable}. */
export interface HotState {
  /** The key. */
  key: string;
  /** Its namespace; `''` when counted or marked without one. */
  namespace: string;
  /** Its top-K slot (pinned) while this node's traffic keeps it hot, else -1. */
  slot: number;
  /** Clock time until which markHot keeps it hot; 0 when not marked. */
  until: number;
}

/**
 * The hot keys of a {@link HotKeyDetector}, per namespace and key, so that one key in
 * two namespaces is two entries. Looking one up allocates nothing.
 */
export class HotKeyTable {
  readonly #byNamespace = new Map<string, Map<string, HotState>>();
  #size = 0;

  /** Keys held, in every namespace. */
  get size(): number {
    return this.#size;
  }

  /** The state of `key` in `namespace` (`''`: none), if it is held. */
  get(key: string, namespace: string): HotState | undefined {
    return this.#byNamespace.get(namespace)?.get(key);
  }

  /** The namespaces with keys held (`''` for keys without one). */
  namespaces(): IterableIterator<string> {
    return this.#byNamespace.keys();
  }

  /** Holds `state` (replacing any state of its key and namespace) and returns it. */
  add(state: HotState): HotState {
    let states = this.#byNamespace.get(state.namespace);
    if (states === undefined) {
      states = new Map();
      this.#byNamespace.set(state.namespace, states);
    }
    if (!states.has(state.key)) this.#size++;
    states.set(state.key, state);
    return state;
  }

  /** Drops `state`'s key. Safe while iterating. */
  remove(state: HotState): void {
    const states = this.#byNamespace.get(state.namespace);
    if (!states?.delete(state.key)) return;
    this.#size--;
    if (states.size === 0) this.#byNamespace.delete(state.namespace);
  }

  /** Drops every key. */
  clear(): void {
    this.#byNamespace.clear();
    this.#size = 0;
  }

  /** Every state held, namespace by namespace. */
  *[Symbol.iterator](): IterableIterator<HotState> {
    for (const states of this.#byNamespace.values()) yield* states.values();
  }
}
