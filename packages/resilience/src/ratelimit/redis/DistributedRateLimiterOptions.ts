import type { Clock } from '../../clock/Clock.js';
import type { RedisScriptClient } from './RedisScriptClient.js';

/**
 * How a {@link DistributedRateLimiter} limits, and what it does when Redis fails.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DistributedRateLimiter, type DistributedRateLimiterOptions } from '@mallkit/resilience';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * await redis.del('{doc:DistributedRateLimiterOptions:login}');
 * const options: DistributedRateLimiterOptions = {
 *   redis,
 *   name: 'login',
 *   keyPrefix: 'doc:DistributedRateLimiterOptions', // key: {doc:DistributedRateLimiterOptions:login}
 *   ratePerSecond: 5,
 *   burst: 5,
 *   timeoutMs: 200,
 *   probeIntervalMs: 500,
 *   onRedisFailure: 'closed', // logins: refuse rather than allow guessing while Redis is away
 *   maxKeys: 10_000,
 * };
 * const logins = new DistributedRateLimiter(options);
 * assert.equal((await logins.acquire(5)).allowed, true);
 * assert.equal((await logins.acquire()).allowed, false); // the burst is used up
 *
 * redis.disconnect(); // Redis is gone
 * assert.equal((await logins.acquire()).allowed, false); // fail closed
 * assert.equal(logins.fallbackActive, true);
 * ```
 *
 * @group Rate limiting
 */
export interface DistributedRateLimiterOptions {
  /**
   * The Redis client: an ioredis `Redis` or `Cluster` (or anything with `evalsha` and
   * `eval`). Yours: the limiter never closes it. Required.
   */
  redis: RedisScriptClient;
  /**
   * The limit's name: part of its Redis keys, so every node that shares a limit must use
   * the same name, and two different limits must not. Required.
   */
  name: string;
  /** Requests admitted per second across all nodes (> 0). Required. */
  ratePerSecond: number;
  /**
   * Requests that may pass at once after a quiet period, across all nodes
   * (integer >= 1).
   * @default one second's worth: `Math.max(1, Math.ceil(ratePerSecond))`
   */
  burst?: number;
  /**
   * Prefix of the Redis keys. A key is `{<keyPrefix>:<name>}` or, per key,
   * `{<keyPrefix>:<name>:<key>}`: the braces make it its own hash tag, so every limit
   * lives on one Cluster slot and limits spread over the slots.
   * @default 'mallkit:ratelimit'
   */
  keyPrefix?: string;
  /**
   * Deadline for Redis's answer, in ms (>= 1). Past it the request is decided by the
   * fallback and the limiter switches to it.
   * @default 20
   */
  timeoutMs?: number;
  /**
   * While the fallback is active, how often one request is sent to Redis as a probe,
   * in ms (>= 1). The first answer switches back to Redis.
   * @default 1000
   */
  probeIntervalMs?: number;
  /**
   * What decides while Redis is unavailable: `'local'`, an in-process token bucket per
   * key sized to this node's {@link localShare} of the rate and burst; `'open'`, admit
   * everything (fail open); `'closed'`, refuse everything until Redis answers (fail
   * closed). A request Redis refused is never handed to the fallback.
   * @default 'local'
   */
  onRedisFailure?: 'local' | 'open' | 'closed';
  /**
   * This node's share of `ratePerSecond` and `burst` for the local fallback, in (0, 1]:
   * `1 / n` when n nodes share the limit evenly.
   * @default 1
   */
  localShare?: number;
  /**
   * Most keys the local fallback tracks at once (integer >= 1); the least recently used
   * is forgotten beyond it.
   * @default 10000
   */
  maxKeys?: number;
  /**
   * Where time comes from, for the fallback's buckets and the probe schedule. The
   * distributed limit itself is timed by Redis.
   * @default systemClock
   */
  clock?: Clock;
}
