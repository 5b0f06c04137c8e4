import { randomBytes } from 'node:crypto';
import { LuaScript } from '@mallkit/resilience';
import { StockError } from '../errors/StockError.js';
import type { LockLease, LockProvider } from '../locks/LockProvider.js';
import type { RedisLockClient } from './RedisLockClient.js';

/**
 * KEYS[1] lock, KEYS[2] fence counter; ARGV[1] owner, ARGV[2] ttl in ms.
 * The counter is bumped only when the lock was taken, and has no expiry, so a
 * token is never handed out twice for a key.
 */
const acquire = new LuaScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return redis.call('INCR', KEYS[2])
end
return false
`);

/** KEYS[1] lock; ARGV[1] owner. Deletes the lock only while this owner holds it. */
const release = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`);

/**
 * Locks with fencing tokens in Redis, standalone or Cluster, for the
 * distributed-lock strategy when several processes deduct from one database.
 *
 * Taking a lock is one script: `SET key owner NX PX ttl` and, only when it
 * succeeded, `INCR` of the counter `${key}:fence`, whose new value is the
 * lease's token. Releasing deletes the lock only if this lease's owner (a
 * random id) still holds it, so a lease that outlived its ttl cannot free a newer
 * holder's lock. Keys must carry a hash tag (`prefix{sku}`, as the strategy
 * builds them) so a lock and its counter share a Cluster slot.
 *
 * A failing Redis makes {@link RedisLockProvider.tryAcquire} and `release`
 * reject with a `StockError` of code `STORE_UNAVAILABLE`. The client is
 * yours: this never closes it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { RedisLockProvider } from '@mallkit/stock/redis';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { Cluster } from 'ioredis';
 *
 * const redis = new Cluster((process.env['REDIS_CLUSTER'] ?? '127.0.0.1:7000').split(','));
 * const keyPrefix = 'doc:RedisLockProvider:';
 * const key = `${keyPrefix}{tv-55}`; // the strategy's lock of SKU tv-55: one Cluster slot
 * await redis.del(key, `${key}:fence`); // a fresh start for this example
 * const locks = new RedisLockProvider(redis);
 *
 * const db = openSqliteStock(); // MySQL/MariaDB, shared by every process, in production
 * await migrateStock(db);
 * const stock = new StockService({ db, strategy: 'lock', lock: { provider: locks, keyPrefix } });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * const outcome = await stock.deduct({ orderNo: 'SO-1', lines: [{ sku: 'tv-55', quantity: 1 }] });
 * assert.equal(outcome.strategy, 'lock'); // deducted under lease 1, then released
 * const [row] = await db.selectFrom('stock_level').select('fence').execute();
 * assert.equal(Number(row?.fence), 1); // the row remembers the token that wrote it
 *
 * const lease = await locks.tryAcquire(key, 5_000);
 * assert.equal(lease?.token, 2); // tokens only grow
 * assert.equal(await locks.tryAcquire(key, 5_000), null); // held: others wait
 * await lease?.release();
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Locks
 */
export class RedisLockProvider implements LockProvider {
  readonly #client: RedisLockClient;

  /** @param client - your ioredis `Redis` or `Cluster`, or any {@link RedisLockClient} */
  constructor(client: RedisLockClient) {
    this.#client = client;
  }

  /**
   * Tries once to take `key` for `ttlMs` (rounded up to whole ms). Resolves to
   * the lease, or `null` while someone else holds the key.
   * @throws `StockError` `STORE_UNAVAILABLE` when Redis fails, `INVALID_OPTION`
   * when `ttlMs` is not a positive number
   */
  async tryAcquire(key: string, ttlMs: number): Promise<LockLease | null> {
    if (!(ttlMs > 0 && Number.isFinite(ttlMs))) {
      throw new StockError(
        'INVALID_OPTION',
        `lock ttl must be a positive number of ms, not ${ttlMs}`,
      );
    }
    const owner = randomBytes(16).toString('hex');
    const ttl = Math.ceil(ttlMs);
    let reply: unknown;
    try {
      reply = await acquire.run(this.#client, [key, `${key}:fence`], [owner, ttl]);
    } catch (error) {
      throw unavailable(`lock "${key}" could not be taken`, error);
    }
    if (reply === null) return null;
    const token = typeof reply === 'number' ? reply : Number.NaN;
    if (!Number.isSafeInteger(token) || token < 1) {
      throw unavailable(`lock "${key}": Redis answered ${String(reply)}, not a fencing token`);
    }
    const client = this.#client;
    return {
      token,
      async release() {
        try {
          await release.run(client, [key], [owner]);
        } catch (error) {
          throw unavailable(`lock "${key}" could not be released`, error);
        }
      },
    };
  }
}

function unavailable(message: string, cause?: unknown): StockError {
  return new StockError('STORE_UNAVAILABLE', message, cause === undefined ? {} : { cause });
}
