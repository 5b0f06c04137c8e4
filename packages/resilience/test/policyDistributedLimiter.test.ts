import diagnostics from 'node:diagnostics_channel';
import { harness } from '@mallkit/internal-harness/vitest';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../src/errors/RateLimitedError.js';
import { channels } from '../src/observability/channels.js';
import type { RejectionEvent } from '../src/observability/RejectionEvent.js';
import { DependencyPolicy } from '../src/policy/DependencyPolicy.js';
import type { LimiterDecisionEvent } from '../src/ratelimit/LimiterDecisionEvent.js';
import { DistributedRateLimiter } from '../src/ratelimit/redis/DistributedRateLimiter.js';

const run = Math.random().toString(36).slice(2, 8);

describe('a DependencyPolicy guarded by a DistributedRateLimiter on Redis', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(harness().redis.url);
  });
  afterAll(() => redis.disconnect());

  it('publishes a refusal once on channels.rejected and reports retryAfterMs in whole ms', async () => {
    const limiter = new DistributedRateLimiter({
      redis,
      timeoutMs: 2_000, // Redis decides, even on a loaded machine
      name: `policy-limit-${run}`,
      ratePerSecond: 3, // a token every 333.3 ms: Redis's answer is fractional
      burst: 1,
    });
    const policy = new DependencyPolicy({ name: `checkout-${run}`, limiter, retry: false });
    const decisions: LimiterDecisionEvent[] = [];
    limiter.events.on('limiter.decision', (e) => decisions.push(e));
    const published: RejectionEvent[] = [];
    const onRejected = (message: unknown) => published.push(message as RejectionEvent);
    diagnostics.subscribe(channels.rejected, onRejected);
    let error: unknown;
    try {
      expect(await policy.execute(() => 'first', { limitKey: 'user-1' })).toBe('first');
      error = await policy.execute(() => 'second', { limitKey: 'user-1' }).catch((e: unknown) => e);
    } finally {
      diagnostics.unsubscribe(channels.rejected, onRejected);
    }

    expect(error).toBeInstanceOf(RateLimitedError);
    const retryAfterMs = (error as RateLimitedError).retryAfterMs ?? 0;
    expect(Number.isInteger(retryAfterMs)).toBe(true);
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(334);
    expect(decisions.map((d) => [d.fallback, d.retryAfterMs])).toEqual([
      [false, 0],
      [false, retryAfterMs],
    ]);
    expect(published.filter((e) => e.name.endsWith(run))).toEqual([
      { source: 'limiter', name: limiter.name, code: 'RATE_LIMITED', key: 'user-1' },
    ]);
    expect(policy.stats().rejected.limiter).toBe(1);
  });
});
