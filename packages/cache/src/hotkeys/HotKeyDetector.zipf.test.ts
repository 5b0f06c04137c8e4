import { ManualClock } from '@mallkit/resilience';
import { describe, expect, it } from 'vitest';
import { HotKeyDetector } from './HotKeyDetector.js';
import type { HotKeyEvent } from './HotKeyEvent.js';

/** mulberry32: a small seeded PRNG, so every run sees the same stream. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ranks 0..n-1 drawn with probability ∝ 1 / (rank + 1) (Zipf, s = 1). */
function zipf(n: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cdf[i] = total += 1 / (i + 1);
  return () => {
    const u = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

describe('HotKeyDetector on a Zipf stream over 100,000 keys', () => {
  // defaults: 2 s window of 4 × 500 ms, hot at 1000 per window, cool below 500,
  // top-256 candidates, at most 64 hot
  const KEYS = 100_000;
  const PER_INTERVAL = 25_000; // 100k reads per window: rank r gets ≈ 8271 / r
  const HOT = 1000;
  const COOL = 500;
  const CREDIT = Math.ceil(HOT / 16);

  it('promotes every truly hot key within one interval, and nothing cold, in bounded memory', () => {
    const clock = new ManualClock();
    const detector = new HotKeyDetector({ clock, autoTick: false });
    const events: HotKeyEvent[] = [];
    detector.onChange((event) => events.push(event));
    const next = zipf(KEYS, prng(7));
    const keys = Array.from({ length: KEYS }, (_, i) => `sku:${i}`);
    const ring: Array<Map<string, number>> = [];
    const truth = (key: string) => ring.reduce((sum, m) => sum + (m.get(key) ?? 0), 0);
    const tableBytes = detector.stats().tableBytes;
    const launch = 'sku:launch';
    const hotAt: number[] = [];
    const promotedAt = new Map<string, number>();
    for (let interval = 1; interval <= 16; interval++) {
      const counts = new Map<string, number>();
      // a launch: from interval 9 to 12, one key takes a fifth of all reads
      const launching = interval >= 9 && interval <= 12;
      for (let i = 0; i < PER_INTERVAL; i++) {
        const key = launching && i % 5 === 0 ? launch : (keys[next()] as string);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        detector.record(key);
      }
      ring.push(counts);
      if (ring.length > 4) ring.shift();
      const before = events.length;
      clock.advance(500);
      detector.tick();
      for (const event of events.slice(before)) {
        if (!event.hot) continue;
        promotedAt.set(event.key, interval);
        // a promotion needs hotThreshold − credit reads counted exactly within the window
        expect(truth(event.key), event.key).toBeGreaterThanOrEqual(HOT - CREDIT);
        expect(event.source).toBe('local');
        expect(event.reason).toBe('detected');
      }
      // every key with ≥ 1.25 × hotThreshold reads in the window is hot at this tick
      const window = new Set(ring.flatMap((m) => [...m.keys()]));
      for (const key of window) {
        if (truth(key) >= 1.25 * HOT) expect(detector.isHot(key), `${key} @${interval}`).toBe(true);
      }
      // and nothing cold is
      for (const { key } of detector.hotKeys()) {
        expect(truth(key), key).toBeGreaterThanOrEqual(COOL - CREDIT);
      }
      if (detector.isHot(launch)) hotAt.push(interval);
      const stats = detector.stats();
      expect(stats.tracked).toBeLessThanOrEqual(256);
      expect(stats.hot).toBeLessThanOrEqual(64);
      expect(stats.tableBytes).toBe(tableBytes);
    }
    // the top rank was found at the first tick, the next ones as their counts grew, the
    // tail never
    expect(promotedAt.get('sku:0')).toBe(1);
    for (let rank = 1; rank < 6; rank++) expect(promotedAt.has(`sku:${rank}`)).toBe(true);
    for (const key of promotedAt.keys()) {
      if (key !== launch) expect(Number(key.slice(4))).toBeLessThan(16);
    }
    // the launch key was hot from its first interval until one window after its last read
    expect(promotedAt.get(launch)).toBe(9);
    expect(hotAt).toEqual([9, 10, 11, 12, 13, 14, 15]);
    expect(events.find((e) => e.key === launch && !e.hot)).toMatchObject({
      reason: 'cooled',
      source: 'local',
      rate: 0,
    });
    expect(detector.stats().recorded).toBe(16 * PER_INTERVAL);
  });

  it('keeps its memory bounded whatever the number of distinct keys', () => {
    const clock = new ManualClock();
    const detector = new HotKeyDetector({ clock, autoTick: false, capacity: 64 });
    const bytes = detector.stats().tableBytes;
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < KEYS; i++) detector.record(`cold:${round}:${i}`);
      clock.advance(500);
      detector.tick();
    }
    expect(detector.stats()).toMatchObject({ tracked: 64, hot: 0, tableBytes: bytes });
    expect(bytes).toBeLessThan(200_000);
    expect(detector.stats().promotions).toBe(0);
  });
});
