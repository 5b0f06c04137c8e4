import diagnostics from 'node:diagnostics_channel';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/ManualClock.js';
import { InvalidOptionError } from '../errors/InvalidOptionError.js';
import { isResilienceError } from '../errors/ResilienceError.js';
import { channels } from '../observability/channels.js';
import type { RejectionEvent } from '../observability/RejectionEvent.js';
import { KeyedLimiter } from '../ratelimit/KeyedLimiter.js';
import type { LimitDecision, RateLimiter } from '../ratelimit/RateLimiter.js';
import { TokenBucket } from '../ratelimit/TokenBucket.js';
import { DependencyPolicy } from './DependencyPolicy.js';
import type { DependencyPolicyOptions } from './DependencyPolicyOptions.js';

const boom = () => Promise.reject(Object.assign(new Error('down'), { code: 'ECONNREFUSED' }));
const ok = () => Promise.resolve('ok');

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isResilienceError(error) ? error.code : `other:${(error as Error).message}`;
  }
}

function policy(overrides: Partial<DependencyPolicyOptions> = {}): DependencyPolicy {
  return new DependencyPolicy({ name: 'dep', retry: false, ...overrides });
}

describe('circuit breaker schedule (manual clock)', () => {
  it('opens after the threshold, rejects until half-open, reopens on a failed probe, closes on a good one', async () => {
    const clock = new ManualClock();
    const p = policy({
      clock,
      breaker: { kind: 'consecutive', threshold: 3, halfOpenAfterMs: 1000 },
    });
    const transitions: string[] = [];
    p.events.on('breaker.state', (e) => transitions.push(`${e.from}->${e.to}`));

    for (let i = 0; i < 3; i++) expect(await codeOf(p.execute(boom))).toBe('other:down');
    expect(p.stats().state).toBe('open');
    let calls = 0;
    const counted = () => {
      calls++;
      return ok();
    };
    const rejected = p.execute(counted);
    await expect(rejected).rejects.toMatchObject({ code: 'CIRCUIT_OPEN', retryAfterMs: 1000 });
    clock.advance(999);
    expect(await codeOf(p.execute(counted))).toBe('CIRCUIT_OPEN');
    expect(calls).toBe(0);

    clock.advance(1);
    expect(await codeOf(p.execute(boom))).toBe('other:down');
    expect(p.stats().state).toBe('open');
    clock.advance(999);
    expect(await codeOf(p.execute(counted))).toBe('CIRCUIT_OPEN');
    clock.advance(1);
    expect(await p.execute(counted)).toBe('ok');
    expect(calls).toBe(1);
    expect(p.stats().state).toBe('closed');
    expect(transitions).toEqual([
      'closed->open',
      'open->halfOpen',
      'halfOpen->open',
      'open->halfOpen',
      'halfOpen->closed',
    ]);
    expect(p.stats().openings).toBe(2);
  });

  it('lets only halfOpenProbes calls through while half-open', async () => {
    const clock = new ManualClock();
    const p = policy({ clock, breaker: { threshold: 1, halfOpenAfterMs: 10, halfOpenProbes: 2 } });
    await codeOf(p.execute(boom));
    clock.advance(10);
    const release: Array<() => void> = [];
    const slow = () => new Promise<string>((resolve) => release.push(() => resolve('probe')));
    const first = p.execute(slow);
    const second = p.execute(slow);
    expect(await codeOf(p.execute(ok))).toBe('CIRCUIT_OPEN');
    for (const r of release) r();
    expect(await Promise.all([first, second])).toEqual(['probe', 'probe']);
    expect(p.stats().state).toBe('closed');
  });

  it('does not count errors that isFailure rejects', async () => {
    const p = policy({
      breaker: { threshold: 1, isFailure: (e) => (e as Error).message !== 'not found' },
    });
    await codeOf(p.execute(() => Promise.reject(new Error('not found'))));
    expect(p.stats().state).toBe('closed');
  });

  it('can be isolated by hand', async () => {
    const p = policy();
    const release = p.breaker?.isolate();
    expect(await codeOf(p.execute(ok))).toBe('CIRCUIT_OPEN');
    release?.();
    expect(await p.execute(ok)).toBe('ok');
  });
});

describe('retry', () => {
  const retrying = (extra: Partial<DependencyPolicyOptions> = {}) =>
    policy({
      retry: { maxAttempts: 3, initialDelayMs: 0, maxDelayMs: 0 },
      breaker: false,
      ...extra,
    });

  it('never retries an error that is not retryable', async () => {
    const p = retrying();
    let attempts = 0;
    const fail = () => {
      attempts++;
      return Promise.reject(new Error('validation failed'));
    };
    expect(await codeOf(p.execute(fail, { idempotent: true }))).toBe('other:validation failed');
    expect(attempts).toBe(1);
  });

  it('retries a transient error of an idempotent call up to maxAttempts', async () => {
    const p = retrying();
    const seen: number[] = [];
    p.events.on('policy.retry', (e) => seen.push(e.attempt));
    let attempts = 0;
    const flaky = ({ attempt }: { attempt: number }) => {
      attempts++;
      return attempt < 3 ? boom() : ok();
    };
    expect(await p.execute(flaky, { idempotent: true })).toBe('ok');
    expect(attempts).toBe(3);
    expect(seen).toEqual([1, 2]);
    expect(p.stats().retries).toBe(2);
  });

  it('never retries a call that is not idempotent, unless the policy says calls are', async () => {
    let attempts = 0;
    const fail = () => {
      attempts++;
      return boom();
    };
    await codeOf(retrying().execute(fail));
    expect(attempts).toBe(1);
    attempts = 0;
    const byDefault = retrying({
      retry: { maxAttempts: 2, initialDelayMs: 0, maxDelayMs: 0, idempotentByDefault: true },
    });
    await codeOf(byDefault.execute(fail));
    expect(attempts).toBe(2);
  });

  it('stops retrying once the circuit opens', async () => {
    const p = retrying({ breaker: { threshold: 2, halfOpenAfterMs: 60_000 } });
    let attempts = 0;
    const fail = () => {
      attempts++;
      return boom();
    };
    expect(await codeOf(p.execute(fail, { idempotent: true }))).toBe('CIRCUIT_OPEN');
    expect(attempts).toBe(2);
  });

  it('gives the bulkhead slot back before waiting out the backoff', async () => {
    const p = policy({
      breaker: false,
      bulkhead: { concurrency: 1 },
      retry: { maxAttempts: 2, initialDelayMs: 30, maxDelayMs: 30 },
    });
    let retried!: () => void;
    const retrying = new Promise<void>((resolve) => {
      retried = resolve;
    });
    p.events.on('policy.retry', () => retried());
    let attempts = 0;
    const first = p.execute(() => (++attempts === 1 ? boom() : ok()), { idempotent: true });
    await retrying;
    expect(p.stats().running).toBe(0);
    expect(await p.execute(ok)).toBe('ok');
    expect(await first).toBe('ok');
  });
});

describe('timeout', () => {
  it('rejects at the deadline, aborts the signal and frees the bulkhead slot', async () => {
    const p = policy({ timeoutMs: 20, breaker: false, bulkhead: { concurrency: 1 } });
    let signal: AbortSignal | undefined;
    const hang = (context: { signal: AbortSignal }) => {
      signal = context.signal;
      return new Promise<string>(() => {});
    };
    const timeouts: number[] = [];
    p.events.on('policy.timeout', (e) => timeouts.push(e.timeoutMs));
    const error = await p.execute(hang).catch((e: unknown) => e);
    expect(isResilienceError(error) && error.code).toBe('TIMEOUT');
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBe(error);
    expect(timeouts).toEqual([20]);
    expect(p.stats()).toMatchObject({ running: 0, timeouts: 1 });
    expect(await p.execute(ok)).toBe('ok');
  });

  it('expires many calls started together and keeps fast ones', async () => {
    const p = policy({ timeoutMs: 15, breaker: false, bulkhead: false });
    const hung = Array.from({ length: 50 }, () => codeOf(p.execute(() => new Promise(() => {}))));
    const fast = Array.from({ length: 50 }, () => p.execute(ok));
    expect(await Promise.all(fast)).toEqual(Array(50).fill('ok'));
    expect(await Promise.all(hung)).toEqual(Array(50).fill('TIMEOUT'));
  });

  it('counts a timeout against the breaker', async () => {
    const p = policy({ timeoutMs: 5, breaker: { threshold: 1, halfOpenAfterMs: 60_000 } });
    await codeOf(p.execute(() => new Promise(() => {})));
    expect(p.stats().state).toBe('open');
  });
});

describe('bulkhead', () => {
  it('rejects beyond concurrency + queue, queues within, and is not counted by the breaker', async () => {
    const p = policy({ breaker: { threshold: 1 }, bulkhead: { concurrency: 1, queue: 1 } });
    let release!: (v: string) => void;
    const first = p.execute(() => new Promise<string>((r) => (release = r)));
    const queued = p.execute(ok);
    expect(p.stats()).toMatchObject({ running: 1, queued: 1 });
    expect(await codeOf(p.execute(ok))).toBe('BULKHEAD_FULL');
    release('first');
    expect(await first).toBe('first');
    expect(await queued).toBe('ok');
    expect(p.stats()).toMatchObject({ state: 'closed', running: 0, rejected: { bulkhead: 1 } });
  });
});

describe('limiter', () => {
  it('is asked once per call; a refusal never runs the function and carries retryAfterMs', async () => {
    let asked = 0;
    let allow = false;
    const limiter: RateLimiter = {
      name: 'per-user',
      acquire(): LimitDecision {
        asked++;
        return allow ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs: 250 };
      },
    };
    const p = policy({ limiter, retry: { maxAttempts: 3, initialDelayMs: 0, maxDelayMs: 0 } });
    let ran = 0;
    const error = await p.execute(() => ran++, { limitKey: 'u1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 250,
      limiter: 'per-user',
      key: 'u1',
    });
    expect(ran).toBe(0);
    allow = true;
    asked = 0;
    let attempts = 0;
    await p.execute(() => (++attempts < 3 ? boom() : ok()), { idempotent: true });
    expect(attempts).toBe(3);
    expect(asked).toBe(1);
  });

  it('accepts an asynchronous limiter', async () => {
    const limiter: RateLimiter = {
      name: 'remote',
      acquire: async () => ({ allowed: false, retryAfterMs: 5 }),
    };
    expect(await codeOf(policy({ limiter }).execute(ok))).toBe('RATE_LIMITED');
  });
});

describe('cancellation', () => {
  it('abandons the call when the caller aborts, without retrying or counting a failure', async () => {
    const p = policy({
      breaker: { threshold: 1 },
      retry: { maxAttempts: 3, initialDelayMs: 0, maxDelayMs: 0 },
    });
    const controller = new AbortController();
    let attempts = 0;
    let seen: AbortSignal | undefined;
    const call = p.execute(
      (context) => {
        attempts++;
        seen = context.signal;
        return new Promise(() => {});
      },
      { signal: controller.signal, idempotent: true },
    );
    controller.abort(new Error('client went away'));
    await expect(call).rejects.toThrow('client went away');
    expect(attempts).toBe(1);
    expect(seen?.aborted).toBe(true);
    expect(p.stats().state).toBe('closed');
  });
});

describe('observability', () => {
  it('publishes rejections and breaker changes on diagnostics_channel', async () => {
    const seen: unknown[] = [];
    const onMessage = (message: unknown) => seen.push(message);
    diagnostics.subscribe(channels.rejected, onMessage);
    diagnostics.subscribe(channels.breakerState, onMessage);
    try {
      const p = policy({ name: 'observed', breaker: { threshold: 1, halfOpenAfterMs: 60_000 } });
      await codeOf(p.execute(boom));
      await codeOf(p.execute(ok));
    } finally {
      diagnostics.unsubscribe(channels.rejected, onMessage);
      diagnostics.unsubscribe(channels.breakerState, onMessage);
    }
    expect(seen).toEqual([
      expect.objectContaining({ name: 'observed', from: 'closed', to: 'open' }),
      { source: 'breaker', name: 'observed', code: 'CIRCUIT_OPEN' },
    ]);
  });
});

describe('options', () => {
  it.each([
    [{ name: '' }, 'name'],
    [{ name: 'x', timeoutMs: 0 }, 'timeoutMs'],
    [{ name: 'x', timeoutMs: Number.NaN }, 'timeoutMs'],
    [{ name: 'x', breaker: { threshold: 0 } }, 'breaker.threshold'],
    [{ name: 'x', breaker: { kind: 'sampling' as const, threshold: 2 } }, 'breaker.threshold'],
    [{ name: 'x', breaker: { halfOpenAfterMs: -1 } }, 'breaker.halfOpenAfterMs'],
    [{ name: 'x', retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
    [{ name: 'x', bulkhead: { concurrency: 1.5 } }, 'bulkhead.concurrency'],
    [{ name: 'x', preset: 'mongo' as never }, 'preset'],
  ])('rejects %o naming %s', (options, option) => {
    expect(() => new DependencyPolicy(options)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', option }),
    );
  });

  it('merges a preset under the given options', () => {
    const p = new DependencyPolicy({
      name: 'db',
      preset: 'database',
      bulkhead: { concurrency: 4 },
    });
    expect(p.stats()).toMatchObject({ name: 'db', state: 'closed', running: 0 });
  });
});

/** Runs `body` while recording what is published on channels.rejected. */
async function onRejectedChannel(body: () => Promise<unknown>): Promise<RejectionEvent[]> {
  const seen: RejectionEvent[] = [];
  const onMessage = (message: unknown) => seen.push(message as RejectionEvent);
  diagnostics.subscribe(channels.rejected, onMessage);
  try {
    await body();
  } finally {
    diagnostics.unsubscribe(channels.rejected, onMessage);
  }
  return seen;
}

describe('rejected events', () => {
  it('publishes a refusal by its limiter once on channels.rejected, as the limiter', async () => {
    const limiter = new TokenBucket({
      name: 'once:bucket',
      ratePerSecond: 1,
      burst: 1,
      clock: new ManualClock(),
    });
    const p = policy({ name: 'once:policy', limiter });
    const onPolicy: RejectionEvent[] = [];
    p.events.on('rejected', (e) => onPolicy.push(e));
    const published = await onRejectedChannel(async () => {
      await p.execute(ok);
      expect(await codeOf(p.execute(ok))).toBe('RATE_LIMITED');
    });
    expect(published).toEqual([{ source: 'limiter', name: 'once:bucket', code: 'RATE_LIMITED' }]);
    expect(onPolicy).toEqual([{ source: 'limiter', name: 'once:policy', code: 'RATE_LIMITED' }]);
  });

  it('publishes, once, a refusal by a limiter that does not publish its own', async () => {
    const limiter: RateLimiter = {
      name: 'once:custom',
      acquire: () => ({ allowed: false, retryAfterMs: 10 }),
    };
    const p = policy({ name: 'once:custom-policy', limiter });
    const published = await onRejectedChannel(() => codeOf(p.execute(ok, { limitKey: 'u1' })));
    expect(published).toEqual([
      { source: 'limiter', name: 'once:custom-policy', code: 'RATE_LIMITED', key: 'u1' },
    ]);
  });

  it("publishes each attempt abandoned at its deadline with source 'timeout'", async () => {
    const clock = new ManualClock();
    const p = policy({ name: 'timeout:policy', timeoutMs: 1, breaker: false, clock });
    const onPolicy: RejectionEvent[] = [];
    p.events.on('rejected', (e) => onPolicy.push(e));
    const published = await onRejectedChannel(async () => {
      const call = p.execute(() => new Promise(() => {}));
      clock.advance(1); // the deadline passes when the policy's timer next looks
      expect(await codeOf(call)).toBe('TIMEOUT');
    });
    const expected = [{ source: 'timeout', name: 'timeout:policy', code: 'TIMEOUT' }];
    expect(published).toEqual(expected);
    expect(onPolicy).toEqual(expected);
  });
});

describe('calls to a keyed limiter', () => {
  it('reject, never throw, without a limitKey', async () => {
    const limiter = new KeyedLimiter({ name: 'per-user', limit: { ratePerSecond: 1 } });
    const p = policy({ limiter });
    let call: Promise<unknown> | undefined;
    expect(() => {
      call = p.execute(ok);
    }).not.toThrow();
    const error = await call?.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error).toMatchObject({ code: 'INVALID_OPTION', option: 'limitKey' });
    expect((error as Error).message).toContain('"per-user"');
    expect(p.stats()).toMatchObject({ calls: 0, rejected: { limiter: 0 } });
    expect(await p.execute(ok, { limitKey: 'u1' })).toBe('ok');
  });

  it('reject, never throw, when any limiter throws', async () => {
    const bug = new Error('limiter bug');
    const limiter: RateLimiter = {
      name: 'broken',
      acquire: () => {
        throw bug;
      },
    };
    let call: Promise<unknown> | undefined;
    expect(() => {
      call = policy({ limiter }).execute(ok);
    }).not.toThrow();
    await expect(call).rejects.toBe(bug);
  });
});

describe('presets and the breaker kind', () => {
  it("gives a breaker of another kind that kind's own defaults, not the preset's settings", async () => {
    const clock = new ManualClock();
    const p = new DependencyPolicy({
      name: 'db',
      preset: 'database',
      breaker: { kind: 'consecutive' },
      retry: false,
      clock,
    });
    for (let i = 0; i < 4; i++) await codeOf(p.execute(boom));
    expect(p.stats().state).toBe('closed');
    await codeOf(p.execute(boom)); // 5 in a row: the consecutive default
    expect(p.stats().state).toBe('open');
    // halfOpenAfterMs does not depend on the kind: the preset's 5 s stays
    await expect(p.execute(ok)).rejects.toMatchObject({ retryAfterMs: 5000 });
    expect(() => new DependencyPolicy({ name: 'x', breaker: { kind: 'sampling' } })).not.toThrow();
    expect(
      () => new DependencyPolicy({ name: 'x', preset: 'http', breaker: { kind: 'count' } }),
    ).not.toThrow();
  });

  it.each<[DependencyPolicyOptions, string, string]>([
    [
      { name: 'x', preset: 'database', breaker: { threshold: 3 } },
      'breaker.threshold',
      "preset 'database'",
    ],
    [
      { name: 'x', preset: 'redis', retry: { initialDelayMs: 100 } },
      'retry.maxDelayMs',
      "preset 'redis'",
    ],
    [
      { name: 'x', preset: 'database', retry: { maxDelayMs: 20 } },
      'retry.maxDelayMs',
      "preset 'database'",
    ],
  ])('names the preset an invalid combination comes from: %o', (options, option, preset) => {
    const build = () => new DependencyPolicy(options);
    expect(build).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', option }));
    expect(build).toThrow(preset);
  });
});

describe('retryAfterMs', () => {
  it('is a whole number of ms on CIRCUIT_OPEN and RATE_LIMITED', async () => {
    const clock = new ManualClock();
    const p = policy({ clock, breaker: { threshold: 1, halfOpenAfterMs: 1000 } });
    await codeOf(p.execute(boom));
    clock.advance(432.17874800000004);
    await expect(p.execute(ok)).rejects.toMatchObject({ code: 'CIRCUIT_OPEN', retryAfterMs: 568 });

    const limiter = new TokenBucket({ ratePerSecond: 3, burst: 1, clock });
    const limited = policy({ limiter, clock });
    await limited.execute(ok);
    await expect(limited.execute(ok)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 334,
    });
  });
});
