/**
 * A key turned hot (promoted) or cooled (demoted).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type HotKeyChange, HotKeyDetector, type HotKeySource } from '@mallkit/cache';
 * import { ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const detector = new HotKeyDetector({ promotionTtlMs: 5000, clock, autoTick: false });
 * const source: HotKeySource = detector; // what a cache sees of it
 * const log: string[] = [];
 * const onChange = ({ key, hot, source: by = 'local' }: HotKeyChange) =>
 *   log.push(`${key} ${hot ? 'promoted' : 'demoted'} (${by})`);
 * const stop = source.onChange(onChange);
 *
 * source.markHot('sku-phone', 5000); // e.g. another node found it hot
 * clock.advance(6000);
 * detector.tick(); // the mark has ended
 * assert.deepEqual(log, ['sku-phone promoted (remote)', 'sku-phone demoted (remote)']);
 * stop();
 * detector.close();
 * ```
 *
 * @group Cache
 */
export interface HotKeyChange {
  /** The key, without namespace. */
  key: string;
  /**
   * The namespace the key was counted or marked in, when one was given (a cache always
   * gives its own). A cache ignores changes of other namespaces; a change without one
   * applies to every cache of the source.
   */
  namespace?: string;
  /** True when promoted, false when demoted. */
  hot: boolean;
  /**
   * Who found it hot: this node's own counting, or another node (through `markHot`).
   * Only local findings are broadcast, so nodes do not echo each other.
   * @default 'local'
   */
  source?: 'local' | 'remote';
}

/**
 * A key that is hot now.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { HotKeyDetector, type HotKeyEntry, type HotKeySource } from '@mallkit/cache';
 * import { ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const detector = new HotKeyDetector({ hotThreshold: 100, clock, autoTick: false });
 * const source: HotKeySource = detector;
 * for (let i = 0; i < 150; i++) source.record('sku-phone'); // read here
 * source.markHot('sku-case', 3000); // found hot by another node
 * clock.advance(500);
 * detector.tick();
 *
 * const entries: readonly HotKeyEntry[] = source.hotKeys();
 * assert.deepEqual(
 *   entries.map(({ key, source: by }) => ({ key, source: by })),
 *   [
 *     { key: 'sku-phone', source: 'local' }, // only these are worth sharing with other nodes
 *     { key: 'sku-case', source: 'remote' },
 *   ],
 * );
 * detector.close();
 * ```
 *
 * @group Cache
 */
export interface HotKeyEntry {
  /** The key, without namespace. */
  key: string;
  /** Its namespace, as in {@link HotKeyChange.namespace}; absent: every cache's. */
  namespace?: string;
  /** Found hot by this node's counting, or marked hot for another node. */
  source: 'local' | 'remote';
}

/**
 * What the cache needs from a hot-key detector: the `HotKeyDetector` of this package,
 * or your own (e.g. fed by a central hot-key service, as JD's hotkey is).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { createCache, type HotKeyChange, type HotKeySource } from '@mallkit/cache';
 *
 * // Hot keys pushed by a central hot-key service instead of counted on this node.
 * class PushedHotKeys implements HotKeySource {
 *   readonly promotionTtlMs = 5000;
 *   readonly #hot = new Set<string>();
 *   readonly #listeners = new Set<(change: HotKeyChange) => void>();
 *   get hotCount() { return this.#hot.size; }
 *   record() {} // the service does the counting
 *   isHot(key: string) { return this.#hot.has(key); }
 *   markHot(key: string) { this.push(key, true); } // the service decides when it cools
 *   hotKeys() { return [...this.#hot].map((key) => ({ key, source: 'remote' as const })); }
 *   onChange(listener: (change: HotKeyChange) => void) {
 *     this.#listeners.add(listener);
 *     return () => this.#listeners.delete(listener);
 *   }
 *   // The service says that `key` turned hot, or cooled.
 *   push(key: string, hot: boolean) {
 *     if (hot) this.#hot.add(key);
 *     else this.#hot.delete(key);
 *     for (const listener of this.#listeners) listener({ key, hot, source: 'remote' });
 *   }
 * }
 * const hotKeys = new PushedHotKeys();
 * const l1 = { admission: 'hot' } as const; // L1 keeps hot keys only
 * const products = createCache<string>({ namespace: 'doc:HotKeySource', hotKeys, l1 });
 * hotKeys.push('sku-phone', true);
 * await products.get('sku-phone', async () => 'Phone X'); // loaded, and kept in L1: it is hot
 * await products.get('sku-phone');
 * assert.equal(products.stats().hits.l1, 1);
 * assert.equal(products.stats().hotKeys, 1);
 * await products.close();
 * ```
 *
 * @group Cache
 */
export interface HotKeySource {
  /**
   * Counts one access to `key` of `namespace` (the cache passes its own). Called on every
   * read: must be cheap. A source shared by several caches should count per namespace
   * and key; one that ignores `namespace` counts per bare key for all of them.
   */
  record(key: string, namespace?: string): void;
  /** Whether `key` (of `namespace`, when given) is hot now. */
  isHot(key: string, namespace?: string): boolean;
  /**
   * Makes `key` (of `namespace`, when given) hot for `ttlMs` (capped), e.g. because
   * another node found it hot.
   */
  markHot(key: string, ttlMs: number, namespace?: string): void;
  /** How long a hot key stays fresh in L1, in ms (at most 15 000). */
  readonly promotionTtlMs: number;
  /**
   * Keys hot now, in every namespace. A cache's `stats().hotKeys` counts the entries of
   * {@link HotKeySource.hotKeys} of its own namespace instead.
   */
  readonly hotCount: number;
  /** The keys hot now, with who found them hot and, when known, their namespace. */
  hotKeys(): readonly HotKeyEntry[];
  /** Calls `listener` on every promotion and demotion; returns an unsubscribe function. */
  onChange(listener: (change: HotKeyChange) => void): () => void;
}
