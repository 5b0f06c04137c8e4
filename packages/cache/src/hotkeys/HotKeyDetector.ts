import type { Clock } from '@mallkit/resilience';
import type { HotKeySource } from '../HotKeySource.js';
import type { HotKeyDetectorOptions } from './HotKeyDetectorOptions.js';
import type { HotKeyDetectorStats } from './HotKeyDetectorStats.js';
import type { HotKeyEvent } from './HotKeyEvent.js';
import type { HotKeyInfo } from './HotKeyInfo.js';
import {
  type HotKeyDetectorSettings,
  resolveHotKeyDetectorOptions,
} from './resolveHotKeyDetectorOptions.js';
import { WindowedTopK } from './WindowedTopK.js';

/** Why and how long one key is hot. */
interface HotState {
  /** Its top-K slot (pinned) while this node's traffic keeps it hot, else -1. */
  slot: number;
  /** Clock time until which markHot keeps it hot; 0 when not marked. */
  until: number;
}

/**
 * Finds the keys that are hot on this node right now — a phone at launch, a flash-sale
 * item — so that the cache can hold them in L1 for a short TTL, and forgets them when
 * they cool. Pass it as `hotKeys` to a cache (with `l1: { admission: 'hot' }` to keep
 * only hot keys in L1); one detector can serve every cache of a process.
 *
 * How it works: accesses go into a top-K of `capacity` candidates counted exactly per
 * sub-window of a sliding window, fed by a Count-Min sketch (conservative update, aged
 * every sub-window) that admits a key only once it is frequent enough to displace the
 * least frequent candidate. Memory is fixed by `capacity`, whatever the number of
 * distinct keys. {@link HotKeyDetector.record} costs one map lookup for a candidate,
 * plus a hash and four counter updates for any other key; {@link HotKeyDetector.isHot}
 * one map lookup; neither allocates. At the end of every sub-window the candidates are
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
  readonly #hot = new Map<string, HotState>();
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

  /** Counts one access to `key`. Call it on every read: no allocation, constant memory. */
  record(key: string): void {
    if (this.#closed) return;
    this.#recorded++;
    this.#topK.record(key);
  }

  /** Whether `key` is hot now. One map lookup. */
  isHot(key: string): boolean {
    const state = this.#hot.get(key);
    return state !== undefined && (state.slot >= 0 || state.until > this.#clock.now());
  }

  /**
   * Makes `key` hot for `ttlMs`, capped at `promotionTtlMs` — for a key another node
   * found hot. A key already hot stays hot at least that long. Does nothing for a
   * `ttlMs` that is not > 0, and refuses (returns false) a new key while `maxHotKeys`
   * keys are hot. When the mark ends the key is demoted (at the next evaluation;
   * {@link HotKeyDetector.isHot} says false at once) unless this node's own traffic
   * keeps it hot.
   *
   * @returns whether `key` is hot now
   */
  markHot(key: string, ttlMs: number): boolean {
    if (this.#closed || !(ttlMs > 0)) return false;
    const until = this.#clock.now() + Math.min(ttlMs, this.promotionTtlMs);
    const state = this.#hot.get(key);
    if (state !== undefined) {
      if (until > state.until) state.until = until;
      return true;
    }
    if (this.#hot.size >= this.#s.maxHotKeys) {
      this.#rejected++;
      return false;
    }
    this.#hot.set(key, { slot: -1, until });
    this.#deliver([this.#change(key, true, this.#countOf(key), 'remote', 'marked')]);
    return true;
  }

  /** The keys hot now, hottest first, with their counts in the current window. */
  hotKeys(): HotKeyInfo[] {
    const now = this.#clock.now();
    const out: HotKeyInfo[] = [];
    for (const [key, state] of this.#hot) {
      const local = state.slot >= 0;
      const marked = state.until > now;
      if (!local && !marked) continue;
      const count = local ? this.#topK.windowCount(state.slot) : this.#countOf(key);
      out.push({
        key,
        count,
        rate: this.#rate(count),
        source: local ? 'local' : 'remote',
        markedUntil: marked ? state.until : 0,
      });
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
    for (const [key, state] of this.#hot) {
      const local = state.slot >= 0;
      const count = local ? this.#topK.windowCount(state.slot) : this.#countOf(key);
      changes.push(this.#change(key, false, count, local ? 'local' : 'remote', 'closed'));
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
    for (const [key, state] of this.#hot) {
      if (state.slot >= 0) {
        const count = topK.windowCount(state.slot);
        if (count >= s.coolThreshold) continue;
        topK.pin(state.slot, false);
        state.slot = -1;
        if (state.until > now) continue;
        this.#hot.delete(key);
        changes.push(this.#change(key, false, count, 'local', 'cooled'));
      } else if (!(state.until > now)) {
        this.#hot.delete(key);
        changes.push(this.#change(key, false, this.#countOf(key), 'remote', 'expired'));
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
      const count = counts[slot] as number;
      const state = this.#hot.get(key);
      if (state !== undefined) {
        // marked by another node, and now hot here too: no change to announce
        state.slot = slot;
        topK.pin(slot, true);
      } else if (this.#hot.size >= s.maxHotKeys) {
        this.#deferred++;
      } else {
        this.#hot.set(key, { slot, until: 0 });
        topK.pin(slot, true);
        changes.push(this.#change(key, true, count, 'local', 'detected'));
      }
    }
  }

  #countOf(key: string): number {
    const slot = this.#topK.slotOf(key);
    return slot < 0 ? 0 : this.#topK.windowCount(slot);
  }

  #rate(count: number): number {
    return (count * 1000) / this.#s.windowMs;
  }

  #change(
    key: string,
    hot: boolean,
    count: number,
    source: HotKeyEvent['source'],
    reason: HotKeyEvent['reason'],
  ): HotKeyEvent {
    if (hot) this.#promotions++;
    else this.#demotions++;
    return { key, hot, rate: this.#rate(count), source, reason };
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
