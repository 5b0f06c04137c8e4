import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/ManualClock.js';
import { LoadShedError } from '../errors/LoadShedError.js';
import { isResilienceError } from '../errors/ResilienceError.js';
import { TimeoutError } from '../errors/TimeoutError.js';
import type { RejectionEvent } from '../observability/RejectionEvent.js';
import type { AdaptiveConcurrencyLimit } from './AdaptiveConcurrencyLimit.js';
import { LoadShedder } from './LoadShedder.js';
import type { LoadShedderOptions } from './LoadShedderOptions.js';
import type { Priority } from './Priority.js';
import type { ShedderPermit } from './ShedderPermit.js';

function fill(shedder: LoadShedder, priority: Priority, count: number): ShedderPermit[] {
  const permits: ShedderPermit[] = [];
  for (let i = 0; i < count; i++) {
    const permit = shedder.tryAcquire(priority);
    if (!permit) throw new Error(`permit ${i} of ${priority} refused`);
    permits.push(permit);
  }
  return permits;
}

function invalid(options: LoadShedderOptions): unknown {
  try {
    new LoadShedder(options);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('LoadShedder admission by concurrency', () => {
  it('admits each priority up to its share of the limit', () => {
    const shedder = new LoadShedder({ limit: 10 });
    fill(shedder, 'background', 5);
    expect(shedder.tryAcquire('background')).toBeUndefined();
    fill(shedder, 'normal', 4); // 9 in flight: normal admitted below 8.5
    expect(shedder.tryAcquire('normal')).toBeUndefined();
    fill(shedder, 'core', 1);
    expect(shedder.tryAcquire('core')).toBeUndefined();
    expect(shedder.inflight).toBe(10);

    const stats = shedder.stats();
    expect(stats.admitted).toEqual({ core: 1, normal: 4, background: 5 });
    expect(stats.shed.background.concurrency).toBe(1);
    expect(stats.shed.normal.concurrency).toBe(1);
    expect(stats.shed.core.concurrency).toBe(1);
    expect(stats.inflightByPriority).toEqual({ core: 1, normal: 4, background: 5 });
  });

  it('admits again once permits are released, and releasing twice frees one slot', () => {
    const shedder = new LoadShedder({ limit: 2 });
    const [first] = fill(shedder, 'core', 2);
    expect(shedder.tryAcquire('core')).toBeUndefined();
    first?.release();
    first?.release();
    expect(shedder.inflight).toBe(1);
    expect(shedder.tryAcquire('core')).toBeDefined();
    expect(shedder.tryAcquire('core')).toBeUndefined();
  });

  it('acquire() throws a LoadShedError with the reason, priority and retry hint', () => {
    const shedder = new LoadShedder({ limit: 2, retryAfterMs: 250 });
    fill(shedder, 'core', 1);
    let caught: unknown;
    try {
      shedder.acquire('background');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LoadShedError);
    const error = caught as LoadShedError;
    expect([error.code, error.priority, error.reason, error.retryAfterMs]).toEqual([
      'LOAD_SHED',
      'background',
      'concurrency',
      250,
    ]);
  });

  it('emits a rejected event per shed request', () => {
    const shedder = new LoadShedder({ name: 'api', limit: 1 });
    const events: RejectionEvent[] = [];
    shedder.events.on('rejected', (e) => events.push(e));
    fill(shedder, 'core', 1);
    shedder.tryAcquire('normal');
    expect(events).toEqual([
      { source: 'shedder', name: 'api', code: 'LOAD_SHED', priority: 'normal' },
    ]);
  });

  it('follows an adaptive limit as it moves', () => {
    const adaptive = { limit: 4, onSample: () => {} } satisfies AdaptiveConcurrencyLimit;
    const shedder = new LoadShedder({ limit: adaptive });
    fill(shedder, 'core', 4);
    expect(shedder.tryAcquire('core')).toBeUndefined();
    adaptive.limit = 6;
    expect(shedder.tryAcquire('core')).toBeDefined();
    expect(shedder.stats().limit).toBe(6);
  });
});

describe('LoadShedder.run', () => {
  it("returns fn's value and releases the slot", async () => {
    const shedder = new LoadShedder({ limit: 1 });
    await expect(shedder.run('core', async () => 42)).resolves.toBe(42);
    expect(shedder.inflight).toBe(0);
  });

  it('releases the slot when fn throws or rejects, and rethrows', async () => {
    const shedder = new LoadShedder({ limit: 1 });
    const boom = new Error('boom');
    await expect(
      shedder.run('core', () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    await expect(shedder.run('core', () => Promise.reject(boom))).rejects.toBe(boom);
    expect(shedder.inflight).toBe(0);
    await expect(shedder.run('core', () => 'again')).resolves.toBe('again');
  });

  it('rejects without calling fn when shed', async () => {
    const shedder = new LoadShedder({ limit: 2 });
    fill(shedder, 'core', 1);
    let called = false;
    const error = await shedder
      .run('background', () => {
        called = true;
      })
      .catch((e: unknown) => e);
    expect(called).toBe(false);
    expect(isResilienceError(error) && error.code).toBe('LOAD_SHED');
  });

  it('rejects an unknown priority with an InvalidOptionError', async () => {
    const shedder = new LoadShedder();
    const error = await shedder.run('urgent' as Priority, () => 1).catch((e: unknown) => e);
    expect(isResilienceError(error) && error.code).toBe('INVALID_OPTION');
    expect(String(error)).toMatch(
      /"priority" must be one of "core", "normal", "background"; got "urgent"/,
    );
    expect(() => shedder.tryAcquire('vip' as Priority)).toThrow(/got "vip"/);
  });
});

describe('LoadShedder under event loop delay', () => {
  it('sheds background, then normal, never core by default', () => {
    let delayMs = 0;
    const shedder = new LoadShedder({ limit: 100, eventLoopDelay: { read: () => delayMs } });
    expect(shedder.tryAcquire('background')).toBeDefined();

    delayMs = 150;
    expect(() => shedder.acquire('background')).toThrow(
      /shed background request under eventLoopDelay/,
    );
    expect(shedder.tryAcquire('normal')).toBeDefined();

    delayMs = 1000;
    expect(shedder.tryAcquire('normal')).toBeUndefined();
    expect(shedder.tryAcquire('core')).toBeDefined();
    expect(shedder.stats().shed.normal.eventLoopDelay).toBe(1);
    expect(shedder.stats().eventLoopDelayMs).toBe(1000);

    delayMs = 5;
    expect(shedder.tryAcquire('background')).toBeDefined();
  });

  it('sheds core too when given a core maximum', () => {
    let delayMs = 3000;
    const shedder = new LoadShedder({
      eventLoopDelay: { read: () => delayMs },
      maxEventLoopDelayMs: { core: 2000 },
    });
    expect(shedder.tryAcquire('core')).toBeUndefined();
    delayMs = 1999;
    expect(shedder.tryAcquire('core')).toBeDefined();
  });
});

describe('LoadShedder under errors', () => {
  it('sheds by the windowed failure ratio of released permits', () => {
    const clock = new ManualClock();
    const shedder = new LoadShedder({ limit: 100, clock, errorRateMinSamples: 10 });
    for (let i = 0; i < 7; i++) shedder.acquire('core').release('success');
    for (let i = 0; i < 3; i++) shedder.acquire('core').release('failure');
    // 30 % failures: above background's 25 %, below normal's 50 %
    expect(shedder.stats().errorRate).toBeCloseTo(0.3);
    expect(shedder.tryAcquire('background')).toBeUndefined();
    expect(shedder.stats().shed.background.errorRate).toBe(1);
    shedder.acquire('normal').release('ignored');

    for (let i = 0; i < 10; i++) shedder.acquire('core').release('dropped');
    // 13 of 20 failed
    expect(shedder.tryAcquire('normal')).toBeUndefined();
    expect(shedder.tryAcquire('core')).toBeDefined();

    clock.advance(10_001); // the window has passed
    expect(shedder.stats().errorRate).toBe(0);
    expect(shedder.tryAcquire('background')).toBeDefined();
  });

  it('counts nothing below the minimum sample count', () => {
    const shedder = new LoadShedder({ clock: new ManualClock(), errorRateMinSamples: 5 });
    for (let i = 0; i < 4; i++) shedder.acquire('core').release('failure');
    expect(shedder.tryAcquire('background')).toBeDefined();
  });

  it('classifies errors thrown in run(): timeouts are drops, others failures', async () => {
    const samples: Array<[number, boolean]> = [];
    const clock = new ManualClock();
    const limit: AdaptiveConcurrencyLimit = {
      limit: 10,
      onSample: (rtt, _inflight, dropped) => samples.push([rtt, dropped]),
    };
    const shedder = new LoadShedder({ limit, clock, errorRateMinSamples: 1 });
    await shedder.run('core', () => {
      clock.advance(30);
      return 'ok';
    });
    await shedder
      .run('core', () => {
        clock.advance(500);
        throw new TimeoutError('catalog', 500);
      })
      .catch(() => {});
    await shedder
      .run('core', () => {
        throw new Error('404');
      })
      .catch(() => {});
    expect(samples).toEqual([
      [30, false],
      [500, true],
    ]);
    expect(shedder.stats().errorRate).toBeCloseTo(2 / 3);
  });

  it('uses classifyError, and a throwing classifier counts a failure', async () => {
    const shedder = new LoadShedder({
      errorRateMinSamples: 1,
      classifyError: (error) => (String(error).includes('404') ? 'ignored' : 'failure'),
    });
    await shedder.run('core', () => Promise.reject(new Error('404'))).catch(() => {});
    expect(shedder.stats().errorRate).toBe(0);
    await shedder.run('core', () => Promise.reject(new Error('500'))).catch(() => {});
    expect(shedder.stats().errorRate).toBe(1);

    const throwing = new LoadShedder({
      errorRateMinSamples: 1,
      classifyError: () => {
        throw new Error('bug');
      },
    });
    const boom = new Error('boom');
    await expect(throwing.run('core', () => Promise.reject(boom))).rejects.toBe(boom);
    expect(throwing.stats().errorRate).toBe(1);
    expect(throwing.inflight).toBe(0);
  });

  it('frees the slot even for an unknown outcome, then reports it', () => {
    const shedder = new LoadShedder({ limit: 1 });
    const permit = shedder.acquire('core');
    expect(() => permit.release('weird' as 'success')).toThrow(/"outcome" must be one of/);
    expect(shedder.inflight).toBe(0);
  });
});

describe('LoadShedder options', () => {
  it.each([
    [{ limit: 0 }, 'loadShedder.limit'],
    [{ limit: -3 }, 'loadShedder.limit'],
    [{ limit: Number.NaN }, 'loadShedder.limit'],
    [{ limit: 2.5 }, 'loadShedder.limit'],
    [{ limit: '10' }, 'loadShedder.limit'],
    [{ limit: { limit: 10 } }, 'loadShedder.limit'],
    [{ share: { normal: 0 } }, 'loadShedder.share.normal'],
    [{ share: { background: 1.2 } }, 'loadShedder.share.background'],
    [{ share: { background: 0.9 } }, 'loadShedder.share.background'],
    [{ share: { urgent: 0.5 } }, 'loadShedder.share key'],
    [{ maxEventLoopDelayMs: { normal: -1 } }, 'loadShedder.maxEventLoopDelayMs.normal'],
    [{ maxEventLoopDelayMs: { background: 500 } }, 'loadShedder.maxEventLoopDelayMs.background'],
    [{ maxErrorRate: { normal: 2 } }, 'loadShedder.maxErrorRate.normal'],
    [{ maxErrorRate: { normal: Number.NaN } }, 'loadShedder.maxErrorRate.normal'],
    [{ errorRateWindowMs: 0 }, 'loadShedder.errorRateWindowMs'],
    [{ errorRateMinSamples: 0 }, 'loadShedder.errorRateMinSamples'],
    [{ retryAfterMs: -1 }, 'loadShedder.retryAfterMs'],
    [{ eventLoopDelay: 12 }, 'loadShedder.eventLoopDelay'],
    [{ classifyError: 'failure' }, 'loadShedder.classifyError'],
  ])('rejects %o naming %s', (options, option) => {
    const error = invalid(options as LoadShedderOptions);
    expect(isResilienceError(error) && error.code).toBe('INVALID_OPTION');
    expect((error as { option?: string }).option).toBe(option);
  });

  it('merges per-priority settings with the defaults', () => {
    const shedder = new LoadShedder({ limit: 10, share: { normal: 0.6 } });
    fill(shedder, 'background', 5);
    fill(shedder, 'normal', 1);
    expect(shedder.tryAcquire('normal')).toBeUndefined();
    fill(shedder, 'core', 4);
  });

  it("says which priority's default a per-priority setting conflicts with, and how to fix it", () => {
    const raised = invalid({ maxEventLoopDelayMs: { background: 300 } }) as Error;
    expect(raised).toMatchObject({
      code: 'INVALID_OPTION',
      option: 'loadShedder.maxEventLoopDelayMs.background',
    });
    expect(raised.message).toContain('normal keeps its default (250)');
    expect(raised.message).toContain(
      'set loadShedder.maxEventLoopDelayMs.normal too, to 300 or more',
    );

    const lowered = invalid({ maxErrorRate: { normal: 0.1 } }) as Error;
    expect(lowered).toMatchObject({ option: 'loadShedder.maxErrorRate.background' });
    expect(lowered.message).toContain('background keeps its default (0.25)');
    expect(lowered.message).toContain(
      'set loadShedder.maxErrorRate.background too, to 0.1 or less',
    );

    const both = invalid({ share: { normal: 0.5, background: 0.6 } }) as Error;
    expect(both.message).not.toContain('default');
    expect(
      () => new LoadShedder({ maxEventLoopDelayMs: { normal: 300, background: 300 } }),
    ).not.toThrow();
  });

  it('reports retryAfterMs as a whole number of ms, rounded up', () => {
    const shedder = new LoadShedder({ limit: 1, retryAfterMs: 1500.25 });
    shedder.acquire('core');
    expect(() => shedder.acquire('core')).toThrow(
      expect.objectContaining({ code: 'LOAD_SHED', retryAfterMs: 1501 }),
    );
  });
});
