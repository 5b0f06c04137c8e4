import { LRUCache } from 'lru-cache';
import { type Clock, systemClock } from '../../clock/Clock.js';
import { InvalidOptionError } from '../../errors/InvalidOptionError.js';
import { TimeoutError } from '../../errors/TimeoutError.js';
import { EventHub } from '../../observability/EventHub.js';
import { requireNumber } from '../../options/requireNumber.js';
import { allowedDecision } from '../allowedDecision.js';
import { invalidPermits } from '../invalidPermits.js';
import { tokenBucketParams } from '../meter/meterFactory.js';
import { TokenBucketMeter } from '../meter/TokenBucketMeter.js';
import { publishDecision } from '../publishDecision.js';
import { markPublishesRejections } from '../publishesRejections.js';
import type { LimitDecision, RateLimiter } from '../RateLimiter.js';
import type { DistributedLimiterEvents } from './DistributedLimiterEvents.js';
import type { DistributedRateLimiterOptions } from './DistributedRateLimiterOptions.js';
import type { DistributedRateLimiterStats } from './DistributedRateLimiterStats.js';
import { gcraScript, gcraScriptSha } from './gcraScript.js';
import type { RedisScriptClient } from './RedisScriptClient.js';

type FailureMode = 'local' | 'open' | 'closed';
const failureModes: readonly FailureMode[] = ['local', 'open', 'closed'];

/**
 * A rate limit shared by every node, kept in Redis (standalone or Cluster): one atomic
 * Lua script per request, a token bucket (GCRA) timed by the server's clock, optionally
 * one bucket per key.
 *
 * Redis trouble never blocks requests and never refuses everyone: when Redis fails or
 * misses the `timeoutMs` deadline, the request is decided by the fallback
 * (`onRedisFailure`: by default a local token bucket sized to this node's `localShare`)
 * and the limiter stays on the fallback — answering synchronously — while one request
 * per `probeIntervalMs` checks whether Redis answers again. Both switches emit
 * `limiter.fallback`. A request that Redis refused is refused: it is never retried
 * against the fallback, which would raise the limit exactly when it is reached.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DistributedRateLimiter, RateLimitedError } from '@mallkit/resilience';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * await redis.del('{doc:DistributedRateLimiter:checkout:user-1}'); // start clean
 * const checkout = new DistributedRateLimiter({
 *   redis,
 *   name: 'checkout',
 *   keyPrefix: 'doc:DistributedRateLimiter',
 *   ratePerSecond: 1, // per user, for the whole fleet…
 *   burst: 2, // …after 2 at once
 *   localShare: 1 / 4, // 4 nodes: each allows a quarter while Redis is down
 *   timeoutMs: 200,
 * });
 *
 * async function pay(userId: string): Promise<string> {
 *   const decision = await checkout.acquire(1, userId);
 *   if (!decision.allowed) throw new RateLimitedError(checkout.name, decision.retryAfterMs, userId);
 *   return 'paid'; // … take the payment
 * }
 * assert.equal(await pay('user-1'), 'paid');
 * assert.equal(await pay('user-1'), 'paid');
 * await assert.rejects(pay('user-1'), (e) => e instanceof RateLimitedError && (e.retryAfterMs ?? 0) > 0);
 * assert.equal(checkout.stats().redisDecisions, 3);
 * await redis.quit(); // yours: the limiter never closes it
 * ```
 *
 * @group Rate limiting
 */
export class DistributedRateLimiter implements RateLimiter {
  /** The limit's name: part of its Redis keys, and in events and errors. */
  readonly name: string;
  /** `rejected`, `limiter.decision` (with `fallback`), and `limiter.fallback` switches. */
  readonly events = new EventHub<DistributedLimiterEvents>();
  readonly #redis: RedisScriptClient;
  readonly #clock: Clock;
  readonly #unkeyed: string;
  readonly #keyHead: string;
  readonly #intervalArg: string;
  readonly #burstArg: string;
  readonly #capacity: number;
  readonly #timeoutMs: number;
  readonly #probeIntervalMs: number;
  readonly #mode: FailureMode;
  readonly #newFallback: () => TokenBucketMeter;
  readonly #fallbackUnkeyed: TokenBucketMeter;
  readonly #fallbackKeyed: LRUCache<string, TokenBucketMeter>;
  #fallbackActive = false;
  #probing = false;
  #probeAt = 0;
  #allowed = 0;
  #refused = 0;
  #redisDecisions = 0;
  #fallbackDecisions = 0;
  #fallbackActivations = 0;
  #redisErrors = 0;
  #timeouts = 0;

  /** @param options - client, limit and failure handling; invalid values throw {@link InvalidOptionError} */
  constructor(options: DistributedRateLimiterOptions) {
    const o = 'distributedRateLimiter';
    const redis = options?.redis;
    if (typeof redis?.evalsha !== 'function' || typeof redis.eval !== 'function')
      throw new InvalidOptionError(`${o}.redis`, 'a Redis client with evalsha and eval', redis);
    const name = options.name;
    if (typeof name !== 'string' || name === '')
      throw new InvalidOptionError(`${o}.name`, 'a non-empty string', name);
    const { intervalMs, capacity } = tokenBucketParams(o, options.ratePerSecond, options.burst);
    const keyPrefix = options.keyPrefix ?? 'mallkit:ratelimit';
    if (typeof keyPrefix !== 'string')
      throw new InvalidOptionError(`${o}.keyPrefix`, 'a string', keyPrefix);
    const mode = options.onRedisFailure ?? 'local';
    if (!failureModes.includes(mode))
      throw new InvalidOptionError(`${o}.onRedisFailure`, "'local', 'open' or 'closed'", mode);
    const share = requireNumber(`${o}.localShare`, options.localShare ?? 1, { above: 0, max: 1 });

    this.name = name;
    this.#redis = redis;
    this.#clock = options.clock ?? systemClock;
    this.#capacity = capacity;
    this.#timeoutMs = requireNumber(`${o}.timeoutMs`, options.timeoutMs ?? 20, { min: 1 });
    this.#probeIntervalMs = requireNumber(`${o}.probeIntervalMs`, options.probeIntervalMs ?? 1000, {
      min: 1,
    });
    this.#mode = mode;
    this.#unkeyed = `{${keyPrefix}:${name}}`;
    this.#keyHead = `{${keyPrefix}:${name}:`;
    this.#intervalArg = String(intervalMs * 1000);
    this.#burstArg = String(capacity);

    const localInterval = intervalMs / share;
    const localBurst = Math.max(1, Math.ceil(capacity * share));
    this.#newFallback = () => new TokenBucketMeter(localInterval, localBurst);
    this.#fallbackUnkeyed = this.#newFallback();
    this.#fallbackKeyed = new LRUCache({
      max: requireNumber(`${o}.maxKeys`, options.maxKeys ?? 10_000, { min: 1, integer: true }),
    });
    markPublishesRejections(this);
  }

  /** Whether decisions are made without Redis now. */
  get fallbackActive(): boolean {
    return this.#fallbackActive;
  }

  /**
   * Takes `permits` for `key` (or for the whole limit) when they are available now.
   * Resolves within `timeoutMs` or so; answers synchronously while on the fallback.
   * @param permits - in `(0, burst]`; more throws a `RangeError`
   * @param key - a user, SKU…: each key has its own bucket of the configured size
   */
  acquire(permits = 1, key?: string): LimitDecision | Promise<LimitDecision> {
    if (!(permits > 0 && permits <= this.#capacity))
      throw invalidPermits(this.name, permits, this.#capacity);
    let probe = false;
    if (this.#fallbackActive) {
      if (this.#probing || this.#clock.now() < this.#probeAt)
        return this.#decideLocally(permits, key);
      this.#probing = probe = true;
    }
    return this.#askRedis(permits, key, probe);
  }

  /** Counters, and whether the fallback is active. */
  stats(): DistributedRateLimiterStats {
    return {
      name: this.name,
      allowed: this.#allowed,
      refused: this.#refused,
      fallbackActive: this.#fallbackActive,
      fallbackActivations: this.#fallbackActivations,
      fallbackDecisions: this.#fallbackDecisions,
      redisDecisions: this.#redisDecisions,
      redisErrors: this.#redisErrors,
      timeouts: this.#timeouts,
    };
  }

  #askRedis(permits: number, key: string | undefined, probe: boolean): Promise<LimitDecision> {
    const redisKey = key === undefined ? this.#unkeyed : `${this.#keyHead}${key}}`;
    const permitsArg = permits === 1 ? '1' : String(permits);
    return new Promise<LimitDecision>((resolve) => {
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        this.#timeouts++;
        resolve(this.#failed(new TimeoutError(this.name, this.#timeoutMs), permits, key, probe));
      }, this.#timeoutMs);
      const onReply = (reply: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(this.#answered(reply, permits, key, probe));
      };
      const onError = (error: unknown) => {
        if (settled) return;
        if (isNoScript(error)) {
          this.#redis
            .eval(gcraScript, 1, redisKey, this.#intervalArg, this.#burstArg, permitsArg)
            .then(onReply, onError);
          return;
        }
        settled = true;
        clearTimeout(timer);
        this.#redisErrors++;
        resolve(this.#failed(error, permits, key, probe));
      };
      this.#redis
        .evalsha(gcraScriptSha, 1, redisKey, this.#intervalArg, this.#burstArg, permitsArg)
        .then(onReply, onError);
    });
  }

  /** Redis decided: its answer stands, admitted or refused. */
  #answered(reply: unknown, permits: number, key: string | undefined, probe: boolean) {
    if (typeof reply !== 'number') {
      this.#redisErrors++;
      return this.#failed(new TypeError(`unexpected script reply ${reply}`), permits, key, probe);
    }
    if (probe) {
      this.#probing = false;
      this.#fallbackActive = false;
      if (this.events.wants('limiter.fallback'))
        this.events.emit('limiter.fallback', { name: this.name, active: false, mode: this.#mode });
    }
    this.#redisDecisions++;
    if (reply === 0) {
      this.#allowed++;
      publishDecision(this.events, this.name, permits, 0, key, false);
      return allowedDecision;
    }
    const retryAfterMs = Math.ceil(reply / 1000); // the script answers in µs
    this.#refused++;
    publishDecision(this.events, this.name, permits, retryAfterMs, key, false);
    return { allowed: false, retryAfterMs };
  }

  /** Redis failed or missed the deadline: switch to the fallback and let it decide. */
  #failed(cause: unknown, permits: number, key: string | undefined, probe: boolean) {
    if (probe) this.#probing = false;
    if (probe || !this.#fallbackActive) this.#probeAt = this.#clock.now() + this.#probeIntervalMs;
    if (!this.#fallbackActive) {
      this.#fallbackActive = true;
      this.#fallbackActivations++;
      if (this.events.wants('limiter.fallback'))
        this.events.emit('limiter.fallback', {
          name: this.name,
          active: true,
          mode: this.#mode,
          cause,
        });
    }
    return this.#decideLocally(permits, key);
  }

  #decideLocally(permits: number, key: string | undefined): LimitDecision {
    this.#fallbackDecisions++;
    let wait: number;
    if (this.#mode === 'local') {
      wait = Math.ceil(this.#fallbackMeter(key).take(permits, this.#clock.now()));
    } else if (this.#mode === 'open') {
      wait = 0;
    } else {
      wait = Math.max(1, Math.ceil(this.#probeAt - this.#clock.now()));
    }
    if (wait === 0) this.#allowed++;
    else this.#refused++;
    publishDecision(this.events, this.name, permits, wait, key, true);
    return wait === 0 ? allowedDecision : { allowed: false, retryAfterMs: wait };
  }

  #fallbackMeter(key: string | undefined): TokenBucketMeter {
    if (key === undefined) return this.#fallbackUnkeyed;
    let meter = this.#fallbackKeyed.get(key);
    if (meter === undefined) {
      meter = this.#newFallback();
      this.#fallbackKeyed.set(key, meter);
    }
    return meter;
  }
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}
