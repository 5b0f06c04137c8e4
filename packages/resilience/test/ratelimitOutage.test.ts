import { setTimeout as delay } from 'node:timers/promises';
import { RedisServer } from '@mallkit/internal-harness';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimeoutError } from '../src/errors/TimeoutError.js';
import type { LimiterFallbackEvent } from '../src/ratelimit/LimiterFallbackEvent.js';
import type { LimitDecision } from '../src/ratelimit/RateLimiter.js';
import { DistributedRateLimiter } from '../src/ratelimit/redis/DistributedRateLimiter.js';

const TIMEOUT_MS = 100;
const PROBE_MS = 200;
/** Slack for timers on a loaded machine, on top of the limiter's deadline. */
const SLACK_MS = 250;

/** Resolves with the next `limiter.fallback` event whose `active` is `active`. */
function nextSwitch(
  limiter: DistributedRateLimiter,
  active: boolean,
): Promise<LimiterFallbackEvent> {
  return new Promise((resolve) => {
    const stop = limiter.events.on('limiter.fallback', (event) => {
      if (event.active !== active) return;
      stop();
      resolve(event);
    });
  });
}

/**
 * Keeps asking (one request every `everyMs`) until `until` settles, timing every
 * decision; returns the decisions and the slowest one.
 */
async function traffic(
  limiter: DistributedRateLimiter,
  until: Promise<unknown>,
  everyMs: number,
): Promise<{ decisions: LimitDecision[]; slowestMs: number }> {
  let done = false;
  void until.then(() => {
    done = true;
  });
  const decisions: LimitDecision[] = [];
  let slowestMs = 0;
  while (!done) {
    const started = performance.now();
    decisions.push(await limiter.acquire());
    slowestMs = Math.max(slowestMs, performance.now() - started);
    await delay(everyMs);
  }
  return { decisions, slowestMs };
}

describe('DistributedRateLimiter through a Redis outage', () => {
  let server: RedisServer;
  let redis: Redis;
  let admin: Redis;
  beforeAll(async () => {
    server = await RedisServer.start({ name: 'ratelimit-outage' });
    // A client with ioredis's defaults: it queues commands while reconnecting.
    redis = new Redis(server.url);
    redis.on('error', () => {});
    await redis.ping(); // connected before the first timed request
  });
  afterAll(async () => {
    redis.disconnect();
    admin?.disconnect();
    await server.stop();
  });

  it('falls back within its deadline when Redis dies, never retries refusals locally, and returns to Redis after a restart', async () => {
    const limiter = new DistributedRateLimiter({
      redis,
      name: 'outage',
      ratePerSecond: 2,
      burst: 5,
      localShare: 0.5,
      timeoutMs: TIMEOUT_MS,
      probeIntervalMs: PROBE_MS,
    });
    const switches: LimiterFallbackEvent[] = [];
    limiter.events.on('limiter.fallback', (e) => switches.push(e));

    // Redis up: the burst, then refusals from Redis that must not reach the fallback.
    const before: LimitDecision[] = [];
    for (let i = 0; i < 25; i++) before.push(await limiter.acquire());
    expect(before.filter((d) => d.allowed)).toHaveLength(5);
    expect(limiter.stats()).toMatchObject({ redisDecisions: 25, fallbackDecisions: 0 });
    expect(switches).toEqual([]);

    // Redis dies.
    await server.kill();
    const activated = nextSwitch(limiter, true);
    const started = performance.now();
    const first = await limiter.acquire();
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    const event = await activated;
    expect(event).toMatchObject({ name: 'outage', active: true, mode: 'local' });
    expect(event.cause).toBeDefined();
    // The local bucket (burst 5 × 0.5 → 3) is full: the 20 refusals above never touched it.
    const local = [first];
    for (let i = 0; i < 5; i++) local.push(await limiter.acquire());
    expect(local.filter((d) => d.allowed).length).toBeGreaterThanOrEqual(3);
    expect(local.filter((d) => d.allowed).length).toBeLessThanOrEqual(4);
    expect(local.slice(-2).every((d) => !d.allowed)).toBe(true);

    // While down, decisions keep coming within the deadline (probes included).
    const down = await traffic(limiter, delay(4 * PROBE_MS), 10);
    expect(down.slowestMs).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(down.decisions.length).toBeGreaterThan(5);
    const whileDown = limiter.stats();
    expect(whileDown.fallbackActive).toBe(true);
    expect(whileDown.redisDecisions).toBe(25);
    expect(whileDown.timeouts + whileDown.redisErrors).toBeGreaterThanOrEqual(2); // probes failed

    // Redis comes back (empty, without the script): a probe finds it and the limiter returns.
    const recovered = nextSwitch(limiter, false);
    await server.restart();
    const up = await traffic(limiter, recovered, 20);
    expect(up.slowestMs).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(await recovered).toEqual({ name: 'outage', active: false, mode: 'local' });
    expect(limiter.fallbackActive).toBe(false);
    const redisBefore = limiter.stats().redisDecisions;
    const back = await limiter.acquire();
    expect(back.allowed).toBe(true);
    expect(limiter.stats().redisDecisions).toBe(redisBefore + 1);
    expect(await redis.exists('{mallkit:ratelimit:outage}')).toBe(1);
    expect(switches.map((s) => s.active)).toEqual([true, false]);
  });

  it('falls back on a Redis that stops answering (timeout, not error) and returns when it answers', async () => {
    admin = new Redis(server.url);
    const limiter = new DistributedRateLimiter({
      redis,
      name: 'paused',
      ratePerSecond: 100,
      timeoutMs: TIMEOUT_MS,
      probeIntervalMs: PROBE_MS,
    });
    expect((await limiter.acquire()).allowed).toBe(true);
    const activated = nextSwitch(limiter, true);
    await admin.client('PAUSE', 1_000, 'ALL');
    const started = performance.now();
    expect((await limiter.acquire()).allowed).toBe(true);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect((await activated).cause).toBeInstanceOf(TimeoutError);
    expect(limiter.stats()).toMatchObject({ timeouts: 1, redisErrors: 0, fallbackActive: true });

    const recovered = nextSwitch(limiter, false);
    const { slowestMs } = await traffic(limiter, recovered, 20);
    expect(slowestMs).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(limiter.stats().fallbackActive).toBe(false);
  });
});
