import { randomBytes } from 'node:crypto';
import { SyncError } from '../errors/SyncError.js';
import type { Lease, LeaseProvider } from './LeaseProvider.js';
import type { RedisLeaseClient } from './RedisLeaseClient.js';

const ACQUIRE = "return redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0";
const RENEW =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Leases on Redis: `SET NX PX` with a random owner, renewed and released only
 * by that owner. One key per lease, so it works on Redis Cluster. The client
 * is yours; it is never closed here.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { RedisLeaseProvider } from '@mallkit/sync/redis';
 * import { Redis } from 'ioredis';
 *
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const prefix = 'doc:RedisLeaseProvider:'; // the lease is the key '<prefix><name>'
 * await redis.del(`${prefix}warehouse-full-sync`);
 * const nodeA = new RedisLeaseProvider(redis, prefix);
 * const nodeB = new RedisLeaseProvider(redis, prefix); // another process, on the same Redis
 *
 * const lease = await nodeA.tryAcquire('warehouse-full-sync', 30_000);
 * assert.ok(lease);
 * assert.equal(await nodeB.tryAcquire('warehouse-full-sync', 30_000), null); // held by A
 * assert.equal(await lease.renew(30_000), true);
 * await lease.release();
 * const next = await nodeB.tryAcquire('warehouse-full-sync', 30_000);
 * assert.ok(next); // free again
 * await next.release();
 * await redis.quit();
 * ```
 *
 * @group Leases
 */
export class RedisLeaseProvider implements LeaseProvider {
  readonly #client: RedisLeaseClient;
  readonly #prefix: string;

  /** @param prefix prepended to lease names to make the keys. */
  constructor(client: RedisLeaseClient, prefix = 'mallkit:sync:lease:') {
    this.#client = client;
    this.#prefix = prefix;
  }

  /** Takes `name` for `ttlMs` if nobody holds it. */
  async tryAcquire(name: string, ttlMs: number): Promise<Lease | null> {
    const key = this.#prefix + name;
    const owner = randomBytes(12).toString('hex');
    const ttl = Math.max(1, Math.ceil(ttlMs));
    if ((await this.#run(ACQUIRE, key, owner, ttl)) !== 1) return null;
    return {
      renew: async (ms) => (await this.#run(RENEW, key, owner, Math.max(1, Math.ceil(ms)))) === 1,
      release: async () => {
        await this.#run(RELEASE, key, owner, 0);
      },
    };
  }

  async #run(script: string, key: string, owner: string, ttl: number): Promise<number> {
    try {
      return Number(await this.#client.eval(script, 1, key, owner, ttl));
    } catch (error) {
      throw new SyncError('TRANSPORT_UNAVAILABLE', `lease "${key}" failed: ${String(error)}`, {
        cause: error,
      });
    }
  }
}
