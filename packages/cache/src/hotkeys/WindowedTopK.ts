import { FrequencySketch } from './FrequencySketch.js';
import { hashKey } from './hashKey.js';

/**
 * The top-K candidates of a hot-key detector: a table of at most `capacity` keys, each
 * with an exact access count per sub-window of a sliding window, fed through a
 * {@link FrequencySketch} that decides which untracked keys deserve a slot.
 *
 * - A tracked key costs one map lookup and one counter increment per access.
 * - An untracked key is counted in the sketch; when its estimate reaches the current
 *   admission bar it takes a free slot, or replaces the lowest-ranked unpinned slot
 *   (rank: the larger of its window count and its aged estimate at admission) if
 *   its estimate is higher — TinyLFU-style admission, so one-off keys never churn
 *   the table. Replacements are bounded by `capacity` per sub-window.
 * - An admitted key's count starts with its estimate capped at `seedCap`, so counts
 *   are exact apart from at most `seedCap` (and never include an access older than
 *   the window plus the seed).
 * - Pinned slots (hot keys) are never replaced.
 * - A key is counted per scope (the namespace of the cache that read it; `''` for
 *   none): one key in two scopes is two candidates, with their own counts.
 *
 * Memory is fixed at construction: `capacity × (4·subWindows + 37)` bytes plus the
 * sketch plus one map entry and key reference per tracked key (and one map per scope
 * with tracked keys), whatever the number of distinct keys.
 */
export class WindowedTopK {
  /** Most keys tracked. */
  readonly capacity: number;
  /** Sub-windows of the sliding window. */
  readonly subWindows: number;
  /** Keys admitted (into a free slot or replacing another key). */
  admissions = 0;
  /** Keys replaced to admit another. */
  evictions = 0;

  readonly #sketch: FrequencySketch;
  readonly #seedCap: number;
  readonly #aging: number;
  /** Per scope, per key: its slot. */
  readonly #slotOf = new Map<string, Map<string, number>>();
  readonly #keys: Array<string | undefined>;
  /** Per slot: the scope of its key. */
  readonly #scopes: string[];
  #size = 0;
  /** The last scope hashed for the sketch, and its hash (caches read in runs of one scope). */
  #seedScope = '';
  #seed = 0;
  /** Per sub-window (major) and slot (minor): accesses counted. */
  readonly #counts: Uint32Array;
  /** Per slot: the sketch estimate at admission, aged like the sketch. */
  readonly #prior: Uint32Array;
  readonly #pinned: Uint8Array;
  readonly #free: Int32Array;
  #freeCount: number;
  /** Unpinned slots by ascending rank, prepared at each rotation. */
  readonly #victims: Int32Array;
  readonly #rank: Float64Array;
  #victimCount = 0;
  #victimNext = 0;
  /** Estimate an untracked key needs to be considered for admission. */
  #bar: number;
  #current = 0;
  #base = 0;

  /**
   * @param capacity - most keys tracked
   * @param subWindows - sub-windows of the sliding window
   * @param seedCap - least estimate that admits a key, and most of it credited to its count
   * @param sketchWidth - counters per sketch row
   */
  constructor(capacity: number, subWindows: number, seedCap: number, sketchWidth: number) {
    this.capacity = capacity;
    this.subWindows = subWindows;
    this.#seedCap = seedCap;
    this.#aging = (subWindows - 1) / subWindows;
    this.#sketch = new FrequencySketch(sketchWidth);
    this.#keys = new Array<string | undefined>(capacity).fill(undefined);
    this.#scopes = new Array<string>(capacity).fill('');
    this.#counts = new Uint32Array(capacity * subWindows);
    this.#prior = new Uint32Array(capacity);
    this.#pinned = new Uint8Array(capacity);
    this.#free = new Int32Array(capacity);
    this.#victims = new Int32Array(capacity);
    this.#rank = new Float64Array(capacity);
    this.#freeCount = 0;
    this.#bar = seedCap;
    this.clear();
  }

  /** Keys tracked now. */
  get size(): number {
    return this.#size;
  }

  /** Bytes of the fixed tables (sketch and per-slot arrays), excluding the keys themselves. */
  get byteLength(): number {
    return (
      this.#sketch.byteLength +
      this.#counts.byteLength +
      this.#prior.byteLength +
      this.#pinned.byteLength +
      this.#free.byteLength +
      this.#victims.byteLength +
      this.#rank.byteLength +
      this.capacity * 16 // the key and scope references
    );
  }

  /**
   * Counts one access to `key` in `scope`. The hot path: no allocation unless `key` is
   * admitted (or is the first key of its scope).
   */
  record(key: string, scope = ''): void {
    const slot = this.#slotOf.get(scope)?.get(key);
    if (slot !== undefined) {
      const i = this.#base + slot;
      this.#counts[i] = (this.#counts[i] as number) + 1;
      return;
    }
    const estimate = this.#sketch.increment(
      scope === '' ? hashKey(key) : hashKey(key, this.#seedOf(scope)),
    );
    if (estimate >= this.#bar) this.#admit(key, scope, estimate);
  }

  /** The slot of `key` in `scope`, or -1 when it is not tracked. */
  slotOf(key: string, scope = ''): number {
    return this.#slotOf.get(scope)?.get(key) ?? -1;
  }

  /** The key in `slot`, if any. */
  keyAt(slot: number): string | undefined {
    return this.#keys[slot];
  }

  /** The scope of the key in `slot` (`''` for none, or when the slot is free). */
  scopeAt(slot: number): string {
    return this.#scopes[slot] as string;
  }

  /** Accesses counted for the key in `slot` over the whole sliding window. */
  windowCount(slot: number): number {
    const counts = this.#counts;
    const capacity = this.capacity;
    let sum = 0;
    for (let i = slot; i < counts.length; i += capacity) sum += counts[i] as number;
    return sum;
  }

  /** Whether `slot` is protected from replacement. */
  isPinned(slot: number): boolean {
    return this.#pinned[slot] === 1;
  }

  /** Protects `slot` from replacement (`true`, for a hot key) or stops protecting it. */
  pin(slot: number, pinned: boolean): void {
    this.#pinned[slot] = pinned ? 1 : 0;
  }

  /**
   * Ends the current sub-window: the oldest one is dropped and becomes the current
   * one, the sketch and the admission estimates age by `(subWindows − 1) / subWindows`,
   * and the replacement candidates are ranked afresh.
   */
  rotate(): void {
    this.#current = (this.#current + 1) % this.subWindows;
    this.#base = this.#current * this.capacity;
    this.#counts.fill(0, this.#base, this.#base + this.capacity);
    this.#sketch.age(this.#aging);
    const prior = this.#prior;
    for (let slot = 0; slot < prior.length; slot++) {
      const p = prior[slot] as number;
      if (p !== 0) prior[slot] = Math.floor(p * this.#aging);
    }
    this.#prepareVictims();
  }

  /** Forgets every key and count. */
  clear(): void {
    this.#slotOf.clear();
    this.#size = 0;
    this.#keys.fill(undefined);
    this.#scopes.fill('');
    this.#counts.fill(0);
    this.#prior.fill(0);
    this.#pinned.fill(0);
    this.#sketch.clear();
    for (let i = 0; i < this.capacity; i++) this.#free[i] = this.capacity - 1 - i;
    this.#freeCount = this.capacity;
    this.#victimCount = 0;
    this.#victimNext = 0;
    this.#bar = this.#seedCap;
  }

  #admit(key: string, scope: string, estimate: number): void {
    let slot: number;
    if (this.#freeCount > 0) {
      slot = this.#free[--this.#freeCount] as number;
    } else {
      const victim = this.#nextVictim();
      if (victim < 0) {
        this.#bar = Number.POSITIVE_INFINITY;
        return;
      }
      const rank = this.#rankOf(victim);
      if (estimate <= rank) {
        this.#bar = Math.max(this.#seedCap, rank + 1);
        return;
      }
      this.#victimNext++;
      this.#evict(victim);
      slot = victim;
    }
    this.#keys[slot] = key;
    this.#scopes[slot] = scope;
    let slots = this.#slotOf.get(scope);
    if (slots === undefined) {
      slots = new Map();
      this.#slotOf.set(scope, slots);
    }
    slots.set(key, slot);
    this.#size++;
    this.#prior[slot] = estimate;
    this.#counts[this.#base + slot] = Math.min(estimate, this.#seedCap);
    this.admissions++;
    if (this.#freeCount > 0) return;
    const next = this.#nextVictim();
    this.#bar =
      next < 0 ? Number.POSITIVE_INFINITY : Math.max(this.#seedCap, this.#rankOf(next) + 1);
  }

  /** The next replaceable slot, skipping those pinned since the ranking; -1 if none. */
  #nextVictim(): number {
    while (this.#victimNext < this.#victimCount) {
      const slot = this.#victims[this.#victimNext] as number;
      if (this.#pinned[slot] === 0) return slot;
      this.#victimNext++;
    }
    return -1;
  }

  #evict(slot: number): void {
    const key = this.#keys[slot];
    if (key !== undefined) {
      const scope = this.#scopes[slot] as string;
      const slots = this.#slotOf.get(scope);
      if (slots?.delete(key)) this.#size--;
      if (slots?.size === 0) this.#slotOf.delete(scope);
    }
    const counts = this.#counts;
    for (let i = slot; i < counts.length; i += this.capacity) counts[i] = 0;
    this.evictions++;
  }

  /** The sketch seed of `scope`: its own hash, remembered for the next access. */
  #seedOf(scope: string): number {
    if (scope !== this.#seedScope) {
      this.#seedScope = scope;
      this.#seed = hashKey(scope);
    }
    return this.#seed;
  }

  #rankOf(slot: number): number {
    return Math.max(this.windowCount(slot), this.#prior[slot] as number);
  }

  #prepareVictims(): void {
    const victims = this.#victims;
    const rank = this.#rank;
    let n = 0;
    for (let slot = 0; slot < this.capacity; slot++) {
      if (this.#pinned[slot] === 1 || this.#keys[slot] === undefined) continue;
      rank[slot] = this.#rankOf(slot);
      victims[n++] = slot;
    }
    victims.subarray(0, n).sort((a, b) => (rank[a] as number) - (rank[b] as number));
    this.#victimCount = n;
    this.#victimNext = 0;
    if (this.#freeCount > 0) this.#bar = this.#seedCap;
    else
      this.#bar =
        n === 0
          ? Number.POSITIVE_INFINITY
          : Math.max(this.#seedCap, (rank[victims[0] as number] as number) + 1);
  }
}
