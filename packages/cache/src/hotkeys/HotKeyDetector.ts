import type { Clock } from '@mallkit/resilience';
import type { HotKeySource } from '../HotKeySource.js';
import type { HotKeyDetectorOptions } from './HotKeyDetectorOptions.js';
import type { HotKeyDetectorStats } from './HotKeyDetectorStats.js';
import type { HotKeyEvent } from './HotKeyEvent.js';
import type { HotKeyInfo } from './HotKeyInfo.js';
import { HotKeyTable, type HotState } from './HotKeyTable.js';
import {
  type HotKeyDetectorSettings,
  resolveHotKeyDetectorOptions,
} from './resolveHotKeyDetectorOptions.js';
import { WindowedTopK } from './WindowedTopK.js';

/**
 * Finds the keys that are hot on this node right now — a phone at launch, a flash-sale
 * item — so that the cache can hold them in L1 for a short TTL, and forgets them when
 * they cool. Pass it as `hotKeys` to a cache (with `l1: { admission: 'hot' }` to keep
 * only hot keys in L1); one detector can serve every cache of a process. Each cache
 * passes its namespace, and the detector counts, promotes and demotes per namespace and
 * key: `'sku-1'` read in a product cache and in a stock cache is two keys, each with
 * its own count (`capacity` and `maxHotKeys` are shared by all of them).
 *
 * How it works: accesses go into a top-K of `capacity` candidates counted exactly per
 * sub-window of a sliding window, fed by a Count-Min sketch (conservative update, aged
 * every sub-window) that admits a key only once it is frequent enough to displace the
 * least frequent candidate. Memory is fixed by `capacity`, whatever the number of
 * distinct keys. {@link HotKeyDetector.record} costs two map lookups (namespace, key)
 * for a candidate, plus a hash and four counter updates for any other key;
 * {@link HotKeyDetector.isHot} with a namespace at most four; neither allocates. At the end of every sub-window the candidates are
 * evaluated: a key with at least `hotThreshold` accesses in the window is promoted
 * (hottest first, at most `maxHotKeys` hot), a hot key with fewer than
 * `coolThreshold` is demoted.
 *
 * Counts are exact from a key's admission on, plus a credit of at most
 * ⌈hotThreshold / 16⌉ for the accesses that earned admission: a key is never promoted
 * unless at least `hotThreshold − ⌈hotThreshold / 16⌉` of its accesses fell within the
 * window, however many keys collide in the sketch.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { HotKeyDetector, type HotKeyEvent } from '@mallkit/cache';
 * import { ManualClock } from '@mallkit/resilience';
 *
 * const clock = new ManualClock();
 * const detector = new HotKeyDetector({
 *   windowMs: 1000, // evaluated every 250 ms (4 sub-windows)
 *   hotThreshold: 100, // accesses per window
 *   clock,
 *   autoTick: false,
 * });
 * const changes: HotKeyEvent[] = [];
 * detector.onChange((event) => changes.push(event));
 * for (let i = 0; i < 150; i++) detector.record('sku:phone-x');
 * clock.advance(250);
 * detector.tick();
 * assert.equal(detector.isHot('sku:phone-x'), true);
 * assert.deepEqual(
 *   changes.map(({ key, hot, rate }) => [key, hot, rate]),
 *   [['sku:phone-x', true, 150]],
 * );
 * clock.advance(1000);
 * detector.tick(); // no reads for a window: demoted
 * assert.equal(detector.isHot('sku:phone-x'), false);
 * assert.deepEqual(changes[1]?.reason, 'cooled');
 * detector.close();
 * ```
 *
 * @group Hot keys
 */
export class HotKeyDetector implements HotKeySource {
  /** How long a promoted key stays fresh in L1, in ms (at most 15 000). */
  readonly promotionTtlMs: number;
  readonly #s: HotKeyDetectorSettings;
  readonly #clock: Clock;
  readonly #topK: WindowedTopK;
  readonly #hot = new HotKeyTable();
  readonly #listeners = new Set<(event: HotKeyEvent) => void>();
  /** Scratch space of each evaluation: candidate slots and their window counts. */
  readonly #candidates: Int32Array;
  readonly #candidateCounts: Float64Array;
  #nextBoundary: number;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #recorded = 0;
  #promotions = 0;
  #demotions = 0;
  #deferred = 0;
  #rejected = 0;
  #evaluations = 0;

  /** @param options - see {@link HotKeyDetectorOptions}; invalid values throw `INVALID_OPTION` */
  constructor(options: HotKeyDetectorOptions = {}) {
    const s = resolveHotKeyDetectorOptions(options);
    this.#s = s;
    this.#clock = s.clock;
    this.promotionTtlMs = s.promotionTtlMs;
    this.#topK = new WindowedTopK(s.capacity, s.subWindows, s.seedCap, s.sketchWidth);
    this.#candidates = new Int32Array(s.capacity);
    this.#candidateCounts = new Float64Array(s.capacity);
    this.#nextBoundary = s.clock.now() + s.intervalMs;
    this.#schedule();
  }

  /** Keys hot now (including marked keys whose TTL ended since the last evaluation). */
  get hotCount(): number {
    return this.#hot.size;
  }

  /**
   * Counts one access to `key`, in `namespace` when given (a cache gives its own): the
   * same key in two namespaces is counted as two keys, and promoted in its namespace
   * only. Call it on every read: no allocation, constant memory.
   */
  record(key: string, namespace?: string): void {
    if (this.#closed) return;
    this.#recorded++;
    this.#topK.record(key, namespace ?? '');
  }

  /**
   * Whether `key` is hot now: in `namespace` (or without a namespace, which applies to
   * all of them) when one is given, as a cache does; in any namespace otherwise. With a
   * namespace, no allocation.
   */
  isHot(key: string, namespace?: string): boolean {
    const hot = this.#hot;
    if (namespace) return this.#live(hot.get(key, namespace)) || this.#live(hot.get(key, ''));
    for (const ns of hot.namespaces()) if (this.#live(hot.get(key, ns))) return true;
    return false;
  }

  /**
   * Makes `key` hot for `ttlMs`, capped at `promotionTtlMs` — for a key another node
   * found hot. A key already hot stays hot at least that long. Does nothing for a
   * `ttlMs` that is not > 0, and refuses (returns false) a new key while `maxHotKeys`
   * keys are hot. When the mark ends the key is demoted (at the next evaluation;
   * {@link HotKeyDetector.isHot} says false at once) unless this node's own traffic
   * keeps it hot. With `namespace`, only `key` of that namespace is marked (as a cache
   * does for a key another node found hot); without, `key` is hot in every namespace.
   *
   * @returns whether `key` is hot now
   */
  markHot(key: string, ttlMs: number, namespace?: string): boolean {
    if (this.#closed || !(ttlMs > 0)) return false;
    const until = this.#clock.now() + Math.min(ttlMs, this.promotionTtlMs);
    const ns = namespace ?? '';
    const state = this.#hot.get(key, ns);
    if (state !== undefined) {
      if (until > state.until) state.until = until;
      return true;
    }
    if (this.#hot.size >= this.#s.maxHotKeys) {
      this.#rejected++;
      return false;
    }
    const added = this.#hot.add({ key, namespace: ns, slot: -1, until });
    this.#deliver([this.#change(added, true, this.#countOf(added), 'remote', 'marked')]);
    return true;
  }

  /**
   * The keys hot now, hottest first, with their counts in the current window (and their
   * namespace, for keys counted or marked in one).
   */
  hotKeys(): HotKeyInfo[] {
    const now = this.#clock.now();
    const out: HotKeyInfo[] = [];
    for (const state of this.#hot) {
      const local = state.slot >= 0;
      const marked = state.until > now;
      if (!local && !marked) continue;
      const count = local ? this.#topK.windowCount(state.slot) : this.#countOf(state);
      const info: HotKeyInfo = {
        key: state.key,
        count,
        rate: this.#rate(count),
        source: local ? 'local' : 'remote',
        markedUntil: marked ? state.until : 0,
      };
      if (state.namespace !== '') info.namespace = state.namespace;
      out.push(info);
    }
    return out.sort((a, b) => b.count - a.count);
  }

  /**
   * Calls `listener` on every promotion and demotion, after the detector's state has
   * changed. A listener that throws does not keep the others from being called; the
   * first error is rethrown by the call that caused the change (`tick`, `markHot`,
   * `close`, or the internal timer).
   *
   * @returns a function that removes `listener`
   */
  onChange(listener: (event: HotKeyEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * Evaluates every sub-window boundary the clock has passed since the last call (at
   * most one window's worth): promotes, demotes, then slides the window. The internal
   * timer calls it unless `autoTick` is false; calling it early does nothing.
   */
  tick(): void {
    if (this.#closed) return;
    const now = this.#clock.now();
    if (now < this.#nextBoundary) return;
    const interval = this.#s.intervalMs;
    const due = Math.floor((now - this.#nextBoundary) / interval) + 1;
    this.#nextBoundary += due * interval;
    const changes: HotKeyEvent[] = [];
    const rounds = Math.min(due, this.#s.subWindows + 1);
    for (let round = 0; round < rounds; round++) {
      this.#evaluate(now, changes);
      this.#topK.rotate();
    }
    this.#deliver(changes);
  }

  /** Counters and sizes. */
  stats(): HotKeyDetectorStats {
    return {
      recorded: this.#recorded,
      hot: this.#hot.size,
      tracked: this.#topK.size,
      capacity: this.#topK.capacity,
      admissions: this.#topK.admissions,
      evictions: this.#topK.evictions,
      promotions: this.#promotions,
      demotions: this.#demotions,
      deferred: this.#deferred,
      rejected: this.#rejected,
      evaluations: this.#evaluations,
      tableBytes: this.#topK.byteLength,
    };
  }

  /**
   * Stops the timer, demotes every hot key (reason `'closed'`), forgets all counts and
   * removes the listeners. Afterwards `record` and `markHot` do nothing and `isHot`
   * is false. Idempotent.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const changes: HotKeyEvent[] = [];
    for (const state of this.#hot) {
      const local = state.slot >= 0;
      const count = local ? this.#topK.windowCount(state.slot) : this.#countOf(state);
      changes.push(this.#change(state, false, count, local ? 'local' : 'remote', 'closed'));
    }
    this.#hot.clear();
    this.#topK.clear();
    try {
      this.#deliver(changes);
    } finally {
      this.#listeners.clear();
    }
  }

  #evaluate(now: number, changes: HotKeyEvent[]): void {
    this.#evaluations++;
    const s = this.#s;
    const topK = this.#topK;
    for (const state of this.#hot) {
      if (state.slot >= 0) {
        const count = topK.windowCount(state.slot);
        if (count >= s.coolThreshold) continue;
        topK.pin(state.slot, false);
        state.slot = -1;
        if (state.until > now) continue;
        this.#hot.remove(state);
        changes.push(this.#change(state, false, count, 'local', 'cooled'));
      } else if (!(state.until > now)) {
        this.#hot.remove(state);
        changes.push(this.#change(state, false, this.#countOf(state), 'remote', 'expired'));
      }
    }
    const candidates = this.#candidates;
    const counts = this.#candidateCounts;
    let n = 0;
    for (let slot = 0; slot < topK.capacity; slot++) {
      if (topK.isPinned(slot) || topK.keyAt(slot) === undefined) continue;
      const count = topK.windowCount(slot);
      if (count < s.hotThreshold) continue;
      counts[slot] = count;
      candidates[n++] = slot;
    }
    if (n === 0) return;
    if (n > 1)
      candidates.subarray(0, n).sort((a, b) => (counts[b] as number) - (counts[a] as number));
    for (let i = 0; i < n; i++) {
      const slot = candidates[i] as number;
      const key = topK.keyAt(slot) as string;
      const namespace = topK.scopeAt(slot);
      const count = counts[slot] as number;
      const state = this.#hot.get(key, namespace);
      if (state !== undefined) {
        // marked by another node, and now hot here too: no change to announce
        state.slot = slot;
        topK.pin(slot, true);
      } else if (this.#hot.size >= s.maxHotKeys) {
        this.#deferred++;
      } else {
        const added = this.#hot.add({ key, namespace, slot, until: 0 });
        topK.pin(slot, true);
        changes.push(this.#change(added, true, count, 'local', 'detected'));
      }
    }
  }

  #live(state: HotState | undefined): boolean {
    return state !== undefined && (state.slot >= 0 || state.until > this.#clock.now());
  }

  #countOf(state: HotState): number {
    const slot = this.#topK.slotOf(state.key, state.namespace);
    return slot < 0 ? 0 : this.#topK.windowCount(slot);
  }

  #rate(count: number): number {
    return (count * 1000) / this.#s.windowMs;
  }

  #change(
    state: HotState,
    hot: boolean,
    count: number,
    source: HotKeyEvent['source'],
    reason: HotKeyEvent['reason'],
  ): HotKeyEvent {
    if (hot) this.#promotions++;
    else this.#demotions++;
    const event: HotKeyEvent = { key: state.key, hot, rate: this.#rate(count), source, reason };
    if (state.namespace !== '') event.namespace = state.namespace;
    return event;
  }

  #deliver(changes: readonly HotKeyEvent[]): void {
    if (changes.length === 0 || this.#listeners.size === 0) return;
    let failed = false;
    let failure: unknown;
    for (const change of changes) {
      for (const listener of this.#listeners) {
        try {
          listener(change);
        } catch (error) {
          if (!failed) {
            failed = true;
            failure = error;
          }
        }
      }
    }
    if (failed) throw failure;
  }

  #schedule(): void {
    if (!this.#s.autoTick || this.#closed) return;
    const wait = Math.min(this.#s.intervalMs, this.#nextBoundary - this.#clock.now());
    const timer = setTimeout(this.#onTimer, Math.max(1, Math.ceil(wait)));
    timer.unref();
    this.#timer = timer;
  }

  readonly #onTimer = (): void => {
    this.#timer = undefined;
    try {
      this.tick();
    } finally {
      this.#schedule();
    }
  };
}
