import { ManualClock } from '@mallkit/resilience';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCacheError } from '../errors/CacheError.js';
import { HotKeyDetector } from './HotKeyDetector.js';
import type { HotKeyDetectorOptions } from './HotKeyDetectorOptions.js';
import type { HotKeyEvent } from './HotKeyEvent.js';

/** A detector on a manual clock, evaluated by hand, with every event kept. */
function setup(options: HotKeyDetectorOptions = {}) {
  const clock = new ManualClock();
  const detector = new HotKeyDetector({ clock, autoTick: false, ...options });
  const events: HotKeyEvent[] = [];
  detector.onChange((event) => events.push(event));
  const interval = (options.windowMs ?? 2000) / (options.subWindows ?? 4);
  /** Records `counts[key]` accesses to each key, interleaved, then ends the sub-window. */
  const step = (counts: Record<string, number>): HotKeyEvent[] => {
    const left = { ...counts };
    let any = true;
    while (any) {
      any = false;
      for (const key of Object.keys(left)) {
        if ((left[key] as number) > 0) {
          detector.record(key);
          left[key] = (left[key] as number) - 1;
          any = true;
        }
      }
    }
    const before = events.length;
    clock.advance(interval);
    detector.tick();
    return events.slice(before);
  };
  return { clock, detector, events, step };
}

const promoted = (events: HotKeyEvent[]) => events.filter((e) => e.hot).map((e) => e.key);
const demoted = (events: HotKeyEvent[]) => events.filter((e) => !e.hot).map((e) => e.key);

afterEach(() => {
  vi.useRealTimers();
});

describe('HotKeyDetector', () => {
  it('behaves as its example says', () => {
    const clock = new ManualClock();
    const detector = new HotKeyDetector({
      windowMs: 1000,
      hotThreshold: 100,
      clock,
      autoTick: false,
    });
    const seen: Array<[string, boolean, number]> = [];
    detector.onChange(({ key, hot, rate }) => seen.push([key, hot, rate]));
    for (let i = 0; i < 150; i++) detector.record('sku:phone-x');
    clock.advance(250);
    detector.tick();
    expect(seen).toEqual([['sku:phone-x', true, 150]]);
    expect(detector.isHot('sku:phone-x')).toBe(true);
    clock.advance(1000);
    detector.tick();
    expect(seen).toEqual([
      ['sku:phone-x', true, 150],
      ['sku:phone-x', false, 0],
    ]);
    expect(detector.isHot('sku:phone-x')).toBe(false);
  });

  it('demotes a key that cooled exactly when its window count falls below coolThreshold', () => {
    const { step } = setup({ windowMs: 1000, hotThreshold: 100 });
    expect(promoted(step({ a: 120 }))).toEqual(['a']);
    expect(step({ a: 10 })).toEqual([]); // 130 in the window
    expect(step({})).toEqual([]);
    expect(step({})).toEqual([]);
    const cooled = step({}); // the 120 left the window: 10 < 50
    expect(cooled).toEqual([{ key: 'a', hot: false, rate: 10, source: 'local', reason: 'cooled' }]);
  });

  it('never promotes a key just below hotThreshold', () => {
    const { step, detector, events } = setup({ windowMs: 1000, hotThreshold: 100 });
    for (let i = 0; i < 20; i++) step({ a: 24, b: 26 }); // 96 and 104 per window
    expect(events.map((e) => [e.key, e.hot])).toEqual([['b', true]]);
    expect(detector.isHot('a')).toBe(false);
    expect(detector.isHot('b')).toBe(true);
  });

  it('does not flap at the threshold, thanks to the hysteresis', () => {
    // per sub-window 30 × 4 then 20 × 4: the window count swings 120 → 80 → 120 …
    const pattern = [30, 30, 30, 30, 20, 20, 20, 20];
    const withGap = setup({ windowMs: 1000, hotThreshold: 100, coolThreshold: 50 });
    const noGap = setup({ windowMs: 1000, hotThreshold: 100, coolThreshold: 100 });
    for (let i = 0; i < 40; i++) {
      const n = pattern[i % pattern.length] as number;
      withGap.step({ a: n });
      noGap.step({ a: n });
    }
    expect(promoted(withGap.events)).toEqual(['a']);
    expect(demoted(withGap.events)).toEqual([]);
    expect(withGap.detector.isHot('a')).toBe(true);
    expect(demoted(noGap.events).length).toBeGreaterThanOrEqual(4);
  });

  it('promotes the hottest first and defers the rest while maxHotKeys are hot', () => {
    const { step, detector } = setup({ windowMs: 1000, hotThreshold: 10, maxHotKeys: 2 });
    expect(promoted(step({ a: 20, b: 40, c: 30 }))).toEqual(['b', 'c']);
    expect(detector.stats().deferred).toBe(1);
    expect(detector.hotKeys().map((k) => [k.key, k.count, k.rate, k.source])).toEqual([
      ['b', 40, 40, 'local'],
      ['c', 30, 30, 'local'],
    ]);
    step({ a: 20 });
    step({ a: 20 });
    step({ a: 20 });
    expect(demoted(step({ a: 20 }))).toEqual(['b', 'c']); // and then a takes a place
    expect(detector.hotKeys().map((k) => k.key)).toEqual(['a']);
  });

  describe('markHot', () => {
    it('makes a key hot for at most promotionTtlMs', () => {
      const { clock, detector, events, step } = setup({ promotionTtlMs: 5000 });
      expect(detector.markHot('a', 60_000)).toBe(true);
      expect(events).toEqual([
        { key: 'a', hot: true, rate: 0, source: 'remote', reason: 'marked' },
      ]);
      expect(detector.isHot('a')).toBe(true);
      expect(detector.hotKeys()).toEqual([
        { key: 'a', count: 0, rate: 0, source: 'remote', markedUntil: 5000 },
      ]);
      clock.advance(4999);
      expect(detector.isHot('a')).toBe(true);
      clock.advance(1);
      expect(detector.isHot('a')).toBe(false); // at once, before the next evaluation
      expect(detector.hotKeys()).toEqual([]);
      clock.advance(499);
      detector.tick();
      expect(events.at(-1)).toEqual({
        key: 'a',
        hot: false,
        rate: 0,
        source: 'remote',
        reason: 'expired',
      });
      expect(detector.hotCount).toBe(0);
      step({});
      expect(events).toHaveLength(2);
    });

    it('extends a hot key without a second event, and ignores a TTL that is not > 0', () => {
      const { clock, detector, events } = setup({ promotionTtlMs: 3000 });
      detector.markHot('a', 1000);
      clock.advance(900);
      expect(detector.markHot('a', 1000)).toBe(true);
      clock.advance(900);
      expect(detector.isHot('a')).toBe(true);
      expect(events).toHaveLength(1);
      for (const ttl of [0, -5, Number.NaN]) expect(detector.markHot('b', ttl)).toBe(false);
      expect(detector.markHot('c', Number.POSITIVE_INFINITY)).toBe(true);
      expect(detector.hotKeys().find((k) => k.key === 'c')?.markedUntil).toBe(1800 + 3000);
      expect(detector.isHot('b')).toBe(false);
    });

    it('refuses new keys while maxHotKeys are hot', () => {
      const { detector } = setup({ maxHotKeys: 2, capacity: 4 });
      expect(detector.markHot('a', 1000)).toBe(true);
      expect(detector.markHot('b', 1000)).toBe(true);
      expect(detector.markHot('c', 1000)).toBe(false);
      expect(detector.isHot('c')).toBe(false);
      expect(detector.stats()).toMatchObject({ hot: 2, rejected: 1, promotions: 2 });
    });

    it('keeps a marked key hot while it is hot here too, then demotes it when it cools', () => {
      const { step, detector, events } = setup({
        windowMs: 1000,
        hotThreshold: 100,
        promotionTtlMs: 500,
      });
      detector.markHot('a', 500);
      step({ a: 150 }); // hot here as well: no second promotion
      step({});
      step({}); // the mark ended, the local count still holds it
      expect(detector.isHot('a')).toBe(true);
      expect(events.map((e) => [e.hot, e.reason])).toEqual([[true, 'marked']]);
      step({});
      expect(events).toHaveLength(1);
      step({}); // the 150 left the window
      expect(events.at(-1)).toMatchObject({ key: 'a', hot: false, reason: 'cooled' });
    });

    it('does not announce a marked key that a local detection finds already hot', () => {
      const { step, detector, events } = setup({ windowMs: 1000, hotThreshold: 100 });
      step({ a: 150 });
      expect(detector.markHot('a', 2000)).toBe(true);
      expect(events.map((e) => [e.key, e.hot, e.source])).toEqual([['a', true, 'local']]);
      expect(detector.hotKeys()[0]).toMatchObject({ key: 'a', source: 'local', markedUntil: 2250 });
    });
  });

  it('delivers to every listener even if one throws, then rethrows the first error', () => {
    const { detector, step } = setup({ windowMs: 1000, hotThreshold: 10 });
    const seen: string[] = [];
    const off = detector.onChange(() => {
      throw new Error('listener bug');
    });
    detector.onChange((e) => seen.push(e.key));
    expect(() => step({ a: 20, b: 20 })).toThrow('listener bug');
    expect(seen.sort()).toEqual(['a', 'b']);
    expect(detector.isHot('a')).toBe(true);
    off();
    expect(demoted(step({}))).toEqual([]);
  });

  it('catches up on every boundary passed, at most one window of them', () => {
    const { clock, detector, events } = setup({ windowMs: 1000, hotThreshold: 10 });
    for (let i = 0; i < 20; i++) detector.record('a');
    clock.advance(3_600_000);
    detector.tick();
    expect(events.map((e) => [e.key, e.hot])).toEqual([
      ['a', true],
      ['a', false],
    ]);
    expect(detector.stats().evaluations).toBe(5);
    detector.tick(); // nothing new is due
    expect(detector.stats().evaluations).toBe(5);
  });

  it('evaluates on its own unref’d timer unless autoTick is false', () => {
    vi.useFakeTimers();
    const clock = new ManualClock();
    const detector = new HotKeyDetector({ windowMs: 1000, hotThreshold: 10, clock });
    const events: HotKeyEvent[] = [];
    detector.onChange((e) => events.push(e));
    expect(vi.getTimerCount()).toBe(1);
    for (let i = 0; i < 20; i++) detector.record('a');
    clock.advance(250);
    vi.advanceTimersByTime(250);
    expect(promoted(events)).toEqual(['a']);
    detector.close();
    expect(vi.getTimerCount()).toBe(0);
    const manual = new HotKeyDetector({ clock, autoTick: false });
    expect(vi.getTimerCount()).toBe(0);
    manual.close();
  });

  it('demotes everything and goes quiet on close', () => {
    const { detector, events, step } = setup({ windowMs: 1000, hotThreshold: 10 });
    step({ a: 20 });
    detector.markHot('b', 1000);
    detector.close();
    expect(events.slice(2).map((e) => [e.key, e.hot, e.source, e.reason])).toEqual([
      ['a', false, 'local', 'closed'],
      ['b', false, 'remote', 'closed'],
    ]);
    expect(detector.isHot('a')).toBe(false);
    expect(detector.markHot('c', 1000)).toBe(false);
    detector.record('a');
    detector.tick();
    detector.close();
    expect(events).toHaveLength(4);
    expect(detector.stats()).toMatchObject({ hot: 0, tracked: 0, recorded: 20 });
  });

  it('throws INVALID_OPTION naming the option for every invalid value', () => {
    const cases: Array<[HotKeyDetectorOptions, string]> = [
      [{ windowMs: 0 }, 'windowMs'],
      [{ windowMs: -1000 }, 'windowMs'],
      [{ windowMs: Number.NaN }, 'windowMs'],
      [{ windowMs: 1.5 }, 'windowMs'],
      [{ subWindows: 0 }, 'subWindows'],
      [{ subWindows: 65 }, 'subWindows'],
      [{ windowMs: 3, subWindows: 4 }, 'subWindows'],
      [{ hotThreshold: 0 }, 'hotThreshold'],
      [{ hotThreshold: -1 }, 'hotThreshold'],
      [{ hotThreshold: Number.NaN }, 'hotThreshold'],
      [{ hotThreshold: Number.POSITIVE_INFINITY }, 'hotThreshold'],
      [{ coolThreshold: 0 }, 'coolThreshold'],
      [{ hotThreshold: 10, coolThreshold: 11 }, 'coolThreshold'],
      [{ coolThreshold: Number.NaN }, 'coolThreshold'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: -1 }, 'capacity'],
      [{ capacity: Number.NaN }, 'capacity'],
      [{ capacity: 100_000 }, 'capacity'],
      [{ capacity: 8, maxHotKeys: 9 }, 'maxHotKeys'],
      [{ maxHotKeys: 0 }, 'maxHotKeys'],
      [{ promotionTtlMs: 15_001 }, 'promotionTtlMs'],
      [{ promotionTtlMs: 0 }, 'promotionTtlMs'],
      [{ promotionTtlMs: Number.NaN }, 'promotionTtlMs'],
      [{ clock: {} as never }, 'clock'],
      [{ autoTick: 'yes' as never }, 'autoTick'],
    ];
    for (const [options, name] of cases) {
      let thrown: unknown;
      try {
        new HotKeyDetector({ autoTick: false, ...options }).close();
      } catch (error) {
        thrown = error;
      }
      expect(isCacheError(thrown), name).toBe(true);
      expect(thrown).toMatchObject({ code: 'INVALID_OPTION' });
      expect((thrown as Error).message).toContain(`"${name}"`);
    }
    const ok = new HotKeyDetector({ autoTick: false, promotionTtlMs: 15_000, capacity: 8 });
    expect(ok.promotionTtlMs).toBe(15_000);
    for (let i = 0; i < 9; i++) ok.markHot(`k${i}`, 1000); // maxHotKeys defaults to capacity
    expect(ok.stats()).toMatchObject({ hot: 8, rejected: 1 });
    ok.close();
  });

  it('counts, promotes and demotes a key per namespace; a key without one applies to all', () => {
    const { clock, detector, events } = setup({ windowMs: 1000, hotThreshold: 100 });
    const read = (key: string, namespace: string | undefined, n: number) => {
      for (let i = 0; i < n; i++) detector.record(key, namespace);
    };
    read('sku-1', 'product', 60);
    read('sku-1', 'stock', 60);
    clock.advance(250);
    detector.tick(); // 120 reads of sku-1, but 60 in each namespace: hot in neither
    expect(events).toEqual([]);

    read('sku-1', 'product', 60);
    clock.advance(250);
    detector.tick(); // 120 in product
    expect(events).toEqual([
      {
        key: 'sku-1',
        namespace: 'product',
        hot: true,
        rate: 120,
        source: 'local',
        reason: 'detected',
      },
    ]);
    expect(detector.isHot('sku-1', 'product')).toBe(true);
    expect(detector.isHot('sku-1', 'stock')).toBe(false);
    expect(detector.isHot('sku-1')).toBe(true); // in some namespace
    expect(detector.hotKeys()).toEqual([
      {
        key: 'sku-1',
        namespace: 'product',
        count: 120,
        rate: 120,
        source: 'local',
        markedUntil: 0,
      },
    ]);

    expect(detector.markHot('sku-1', 1000, 'stock')).toBe(true); // another node's finding
    expect(events.at(-1)).toMatchObject({
      key: 'sku-1',
      namespace: 'stock',
      hot: true,
      source: 'remote',
    });
    expect(detector.isHot('sku-1', 'stock')).toBe(true);
    expect(detector.isHot('sku-1', 'price')).toBe(false);
    detector.markHot('sku-9', 1000); // no namespace: hot for every namespace
    expect(detector.isHot('sku-9', 'price')).toBe(true);
    expect(events.at(-1)).not.toHaveProperty('namespace');
    expect(detector.hotCount).toBe(3);

    clock.advance(1000);
    detector.tick(); // the marks expire at once; product's count fades out of the window
    expect(
      events.slice(-3).map(({ key, namespace, hot, reason }) => [key, namespace, hot, reason]),
    ).toEqual([
      ['sku-1', 'stock', false, 'expired'],
      ['sku-9', undefined, false, 'expired'],
      ['sku-1', 'product', false, 'cooled'],
    ]);
    expect(detector.hotCount).toBe(0);
    detector.close();
  });
});
