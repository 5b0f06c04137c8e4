/**
 * Published as a distributed limiter's `limiter.fallback` event (channel
 * `mallkit:resilience:limiter.fallback`) when Redis stops answering within the deadline
 * (`active: true`) and when a probe finds it answering again (`active: false`).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   DistributedRateLimiter,
 *   type LimiterFallbackEvent,
 *   ManualClock,
 *   type RedisScriptClient,
 * } from '@mallkit/resilience';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * await redis.del('{doc:LimiterFallbackEvent:checkout}'); // start clean
 * let outage = true; // a wrapper that fails like an unreachable Redis while `outage` holds
 * const refused = () => Promise.reject(new Error('connect ECONNREFUSED'));
 * const client: RedisScriptClient = {
 *   evalsha: (sha1, numkeys, ...rest) => (outage ? refused() : redis.evalsha(sha1, numkeys, ...rest)),
 *   eval: (script, numkeys, ...rest) => (outage ? refused() : redis.eval(script, numkeys, ...rest)),
 * };
 * const clock = new ManualClock();
 * const limiter = new DistributedRateLimiter({
 *   redis: client,
 *   name: 'checkout',
 *   keyPrefix: 'doc:LimiterFallbackEvent',
 *   ratePerSecond: 100,
 *   timeoutMs: 200,
 *   clock, // times the probes
 * });
 * const switches: LimiterFallbackEvent[] = [];
 * limiter.events.on('limiter.fallback', (e) => switches.push(e));
 *
 * assert.equal((await limiter.acquire()).allowed, true); // decided by the local bucket
 * outage = false;
 * clock.advance(1_000); // probeIntervalMs: the next request asks Redis again
 * await limiter.acquire();
 * assert.deepEqual(switches.map((e) => [e.active, e.mode]), [[true, 'local'], [false, 'local']]);
 * assert.match(String(switches[0]?.cause), /ECONNREFUSED/);
 * await redis.quit();
 * ```
 *
 * @group Rate limiting
 */
export interface LimiterFallbackEvent {
  /** The limiter instance's name. */
  name: string;
  /** Whether decisions are now made without Redis. */
  active: boolean;
  /** What decides meanwhile: the local bucket, always admit, or always refuse. */
  mode: 'local' | 'open' | 'closed';
  /** The Redis error or the `TimeoutError` that caused the switch, when `active`. */
  cause?: unknown;
}
