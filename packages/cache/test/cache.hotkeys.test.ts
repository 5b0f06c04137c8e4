import { ManualClock } from '@mallkit/resilience';
import { describe, expect, it } from 'vitest';
import { createCache, HotKeyDetector, MemoryBus, MemoryL2 } from '../src/index.js';

describe('hot keys in the cache (in-process adapters)', () => {
  it('keeps only hot keys in L1, shares detections over the bus, and demotes cooled keys', async () => {
    const clock = new ManualClock(Date.now());
    const l2 = new MemoryL2();
    const bus = new MemoryBus();
    const detector = () =>
      new HotKeyDetector({
        windowMs: 1000,
        subWindows: 4,
        hotThreshold: 50,
        promotionTtlMs: 5000,
        clock,
        autoTick: false,
      });
    const dA = detector();
    const dB = detector();
    const options = { namespace: 'hot', l2, l1: { admission: 'hot' as const }, clock };
    const a = createCache<string>({ ...options, hotKeys: dA, broadcast: { bus, heartbeatMs: 0 } });
    const b = createCache<string>({ ...options, hotKeys: dB, broadcast: { bus, heartbeatMs: 0 } });
    await Promise.all([a.ready(), b.ready()]);
    const loader = async (key: string) => `value of ${key}`;

    for (let i = 0; i < 60; i++) await a.get('launch-phone', loader);
    await a.get('cold', loader);
    expect(a.stats().l1Entries).toBe(0); // nothing is hot yet
    const sharedToB = new Promise((resolve) => b.events.on('hotKey', resolve));
    clock.advance(250);
    dA.tick();
    expect(dA.isHot('launch-phone')).toBe(true);
    expect(await sharedToB).toEqual({
      namespace: 'hot',
      key: 'launch-phone',
      hot: true,
      source: 'remote',
    });
    expect(dB.isHot('launch-phone')).toBe(true);

    await a.get('launch-phone', loader);
    await b.get('launch-phone', loader);
    const l1HitsBefore = [a.stats().hits.l1, b.stats().hits.l1];
    await a.get('launch-phone', loader);
    await b.get('launch-phone', loader);
    expect([a.stats().hits.l1, b.stats().hits.l1]).toEqual(l1HitsBefore.map((n) => n + 1));
    await a.get('cold', loader);
    expect(a.stats().l1Entries).toBe(1); // the cold key never entered L1

    const demoted = new Promise((resolve) => a.events.on('hotKey', (e) => !e.hot && resolve(e)));
    clock.advance(1250);
    dA.tick();
    expect(await demoted).toMatchObject({ key: 'launch-phone', hot: false, source: 'local' });
    expect(a.stats().l1Entries).toBe(0);
    await Promise.all([a.close(), b.close()]);
    dA.close();
    dB.close();
  });
});
