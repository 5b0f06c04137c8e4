import { setTimeout as delay } from 'node:timers/promises';
import { freePort, RedisServer } from '@mallkit/internal-harness';
import { harness } from '@mallkit/internal-harness/vitest';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../src/errors/InvalidOptionError.js';
import type { RejectionEvent } from '../src/observability/RejectionEvent.js';
import type { LimiterFallbackEvent } from '../src/ratelimit/LimiterFallbackEvent.js';
import type { LimitDecision } from '../src/ratelimit/RateLimiter.js';
import { DistributedRateLimiter } from '../src/ratelimit/redis/DistributedRateLimiter.js';
import type { DistributedRateLimiterOptions } from '../src/ratelimit/redis/DistributedRateLimiterOptions.js';
import type { RedisScriptClient } from '../src/ratelimit/redis/RedisScriptClient.js';

const run = Math.random().toString(36).slice(2, 8);

/** Asks `times` times in a row, awaiting each answer. */
async function ask(
  limiter: DistributedRateLimiter,
  times: number,
  key?: string,
): Promise<LimitDecision[]> {
  const decisions: LimitDecision[] = [];
  for (let i = 0; i < times; i++) decisions.push(await limiter.acquire(1, key));
  return decisions;
}

/**
 * Tests of Redis's decisions give Redis a generous deadline, so that a loaded machine
 * (or a cold connection) does not divert them to the fallback; deadlines are tested in
 * ratelimitOutage.test.ts and below.
 */
const TIMEOUT_MS = 2_000;

const allowedCount = (decisions: LimitDecision[]) => decisions.filter((d) => d.allowed).length;

describe('DistributedRateLimiter on a standalone Redis', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(harness().redis.url);
  });
  afterAll(() => redis.disconnect());

  it('admits the burst, then refuses with the time to the next token, from Redis', async () => {
    const limiter = new DistributedRateLimiter({
      redis,
      timeoutMs: TIMEOUT_MS,
      name: `burst-${run}`,
      ratePerSecond: 4,
      burst: 3,
    });
    const rejected: RejectionEvent[] = [];
    limiter.events.on('rejected', (e) => rejected.push(e));
    const decisions = await ask(limiter, 5);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    const refusal = decisions[3]?.retryAfterMs ?? 0;
    expect(refusal).toBeGreaterThan(200);
    expect(refusal).toBeLessThanOrEqual(250);
    expect(rejected[0]).toEqual({ source: 'limiter', name: `burst-${run}`, code: 'RATE_LIMITED' });
    expect(limiter.stats()).toMatchObject({
      allowed: 3,
      refused: 2,
      redisDecisions: 5,
      fallbackDecisions: 0,
      fallbackActive: false,
      redisErrors: 0,
      timeouts: 0,
    });
    // The state is one key, a hash tag of its own, expiring when the bucket is full again.
    const ttl = await redis.pttl(`{mallkit:ratelimit:burst-${run}}`);
    expect(ttl).toBeGreaterThan(400);
    expect(ttl).toBeLessThanOrEqual(752);
    // Time passing on the Redis server is what refills it.
    await delay(refusal + 5);
    expect((await limiter.acquire()).allowed).toBe(true);
  });

  it('shares one limit between limiter instances (nodes) of the same name', async () => {
    const options = {
      redis,
      name: `shared-${run}`,
      ratePerSecond: 1,
      burst: 4,
      timeoutMs: TIMEOUT_MS,
    };
    const nodeA = new DistributedRateLimiter(options);
    const nodeB = new DistributedRateLimiter(options);
    const decisions = [...(await ask(nodeA, 3)), ...(await ask(nodeB, 3))];
    expect(allowedCount(decisions)).toBe(4);
    expect(nodeB.stats().refused).toBe(2);
  });

  it('keeps one bucket per key, apart from the unkeyed one', async () => {
    const limiter = new DistributedRateLimiter({
      redis,
      timeoutMs: TIMEOUT_MS,
      name: `keys-${run}`,
      ratePerSecond: 1,
      burst: 2,
    });
    expect(allowedCount(await ask(limiter, 3, 'user-1'))).toBe(2);
    expect(allowedCount(await ask(limiter, 3, 'user-2'))).toBe(2);
    expect(allowedCount(await ask(limiter, 3))).toBe(2);
    expect(await redis.exists(`{mallkit:ratelimit:keys-${run}:user-1}`)).toBe(1);
  });

  it('takes several permits at once, and never more than the burst', async () => {
    const limiter = new DistributedRateLimiter({
      redis,
      timeoutMs: TIMEOUT_MS,
      name: `permits-${run}`,
      ratePerSecond: 10,
      burst: 10,
    });
    expect((await limiter.acquire(7)).allowed).toBe(true);
    const refused = await limiter.acquire(5);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(150);
    expect((await limiter.acquire(3)).allowed).toBe(true);
    expect(() => limiter.acquire(11)).toThrow(RangeError);
  });

  it('refuses over-limit requests without ever consulting the fallback (rate-limiter-flexible #337)', async () => {
    const limiter = new DistributedRateLimiter({
      redis,
      timeoutMs: TIMEOUT_MS,
      name: `no-retry-${run}`,
      ratePerSecond: 0.5,
      burst: 2,
      localShare: 1,
    });
    const decisions = await ask(limiter, 40);
    expect(allowedCount(decisions)).toBe(2);
    expect(limiter.stats()).toMatchObject({
      refused: 38,
      fallbackDecisions: 0,
      redisDecisions: 40,
    });
  });

  it.each<[Partial<DistributedRateLimiterOptions>, string]>([
    [{ ratePerSecond: 0 }, 'distributedRateLimiter.ratePerSecond'],
    [{ burst: 0 }, 'distributedRateLimiter.burst'],
    [{ name: '' }, 'distributedRateLimiter.name'],
    [{ timeoutMs: 0.5 }, 'distributedRateLimiter.timeoutMs'],
    [{ probeIntervalMs: Number.NaN }, 'distributedRateLimiter.probeIntervalMs'],
    [{ localShare: 0 }, 'distributedRateLimiter.localShare'],
    [{ localShare: 1.5 }, 'distributedRateLimiter.localShare'],
    [{ maxKeys: 0 }, 'distributedRateLimiter.maxKeys'],
    [{ keyPrefix: 5 as unknown as string }, 'distributedRateLimiter.keyPrefix'],
    [{ onRedisFailure: 'retry' as 'local' }, 'distributedRateLimiter.onRedisFailure'],
    [{ redis: {} as RedisScriptClient }, 'distributedRateLimiter.redis'],
  ])('rejects %o with an InvalidOptionError naming %s', (bad, option) => {
    const build = () =>
      new DistributedRateLimiter({ redis, name: 'valid', ratePerSecond: 10, ...bad });
    expect(build).toThrow(InvalidOptionError);
    expect(build).toThrow(`option "${option}"`);
  });
});

describe('DistributedRateLimiter after the server lost its scripts', () => {
  let server: RedisServer;
  let redis: Redis;
  beforeAll(async () => {
    server = await RedisServer.start({ name: 'ratelimit-noscript' });
    redis = new Redis(server.url);
  });
  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });

  it('falls back from EVALSHA to EVAL on NOSCRIPT, staying on Redis', async () => {
    const limiter = new DistributedRateLimiter({
      redis,
      timeoutMs: TIMEOUT_MS,
      name: 'noscript',
      ratePerSecond: 1,
      burst: 2,
    });
    expect((await limiter.acquire()).allowed).toBe(true);
    await redis.script('FLUSH');
    expect((await limiter.acquire()).allowed).toBe(true);
    expect((await limiter.acquire()).allowed).toBe(false);
    expect(limiter.stats()).toMatchObject({
      redisDecisions: 3,
      redisErrors: 0,
      fallbackActive: false,
    });
  });
});

describe('DistributedRateLimiter with an unreachable Redis', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis({ port: await freePort(), host: '127.0.0.1' });
    redis.on('error', () => {});
  });
  afterAll(() => redis.disconnect());

  const build = (onRedisFailure: 'local' | 'open' | 'closed') =>
    new DistributedRateLimiter({
      redis,
      name: `down-${onRedisFailure}`,
      ratePerSecond: 10,
      burst: 4,
      localShare: 0.5,
      timeoutMs: 30,
      probeIntervalMs: 60_000,
      onRedisFailure,
    });

  it("'local': decides within the deadline with this node's share of the burst", async () => {
    const limiter = build('local');
    const events: LimiterFallbackEvent[] = [];
    limiter.events.on('limiter.fallback', (e) => events.push(e));
    const started = performance.now();
    const first = await limiter.acquire();
    const elapsed = performance.now() - started;
    expect(first.allowed).toBe(true);
    expect(elapsed).toBeLessThan(30 + 500);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ name: 'down-local', active: true, mode: 'local' });
    expect(String(events[0]?.cause)).toMatch(/timed out after 30 ms/);
    // On the fallback, answers are synchronous until the next probe.
    const next = limiter.acquire();
    expect(next).not.toBeInstanceOf(Promise);
    const rest = [next as LimitDecision, ...(await ask(limiter, 4))];
    expect(allowedCount(rest)).toBe(1); // burst 4 × share 0.5 = 2 in all
    expect(limiter.stats()).toMatchObject({
      fallbackActive: true,
      fallbackActivations: 1,
      fallbackDecisions: 6,
      redisDecisions: 0,
      timeouts: 1,
    });
  });

  it("'open': admits everything while Redis is unavailable", async () => {
    const limiter = build('open');
    expect(allowedCount(await ask(limiter, 20))).toBe(20);
    expect(limiter.stats().fallbackActive).toBe(true);
  });

  it("'closed': refuses everything while Redis is unavailable, saying when it will ask again", async () => {
    const limiter = build('closed');
    const decisions = await ask(limiter, 5);
    expect(allowedCount(decisions)).toBe(0);
    expect(decisions[1]?.retryAfterMs).toBeGreaterThan(59_000);
    expect(decisions.every((d) => Number.isInteger(d.retryAfterMs))).toBe(true); // whole ms
  });
});

describe('DistributedRateLimiter on Redis Cluster', () => {
  let cluster: Cluster;
  beforeAll(() => {
    cluster = new Cluster(harness().cluster.seeds);
  });
  afterAll(() => cluster.disconnect());

  const names = ['cart', 'search', 'checkout', 'login', 'reviews', 'stock'];

  it('spreads limits over slots owned by different masters', async () => {
    const slots = await Promise.all(
      names.map(async (name) =>
        Number(await cluster.cluster('KEYSLOT', `{mallkit:ratelimit:${name}}`)),
      ),
    );
    const ranges = await cluster.cluster('SLOTS');
    const owners = slots.map((slot) => {
      const master = ranges.find(([from, to]) => slot >= from && slot <= to)?.[2];
      return master ? `${master[0]}:${master[1]}` : 'none';
    });
    expect(new Set(slots).size).toBe(names.length);
    expect(new Set(owners).size).toBe(3);
  });

  it('enforces each limit on its own, whichever master holds it', async () => {
    const limiters = names.map(
      (name) =>
        new DistributedRateLimiter({
          redis: cluster,
          name,
          ratePerSecond: 1,
          burst: 3,
          timeoutMs: TIMEOUT_MS,
        }),
    );
    const results = await Promise.all(limiters.map((l) => ask(l, 5)));
    for (const decisions of results) {
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    }
    const perKey = limiters[0] as DistributedRateLimiter;
    expect(allowedCount(await ask(perKey, 5, 'sku-7'))).toBe(3);
    for (const limiter of limiters) {
      expect(limiter.stats()).toMatchObject({ redisErrors: 0, fallbackActivations: 0 });
    }
  });
});
