/**
 * A held lock and its fencing token, as {@link LockProvider.tryAcquire} hands it out.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type LockLease, MemoryLockProvider } from '@mallkit/stock';
 *
 * const locks = new MemoryLockProvider();
 * async function withLock<T>(key: string, work: (token: number) => Promise<T>): Promise<T> {
 *   const lease: LockLease | null = await locks.tryAcquire(key, 5_000);
 *   if (!lease) throw new Error(`${key} is busy`);
 *   try {
 *     return await work(lease.token); // pass the token along with every write
 *   } finally {
 *     await lease.release();
 *   }
 * }
 * const first = await withLock('sku:tv-55', async (token) => token);
 * const second = await withLock('sku:tv-55', async (token) => token);
 * assert.deepEqual([first, second], [1, 2]); // each holder gets a higher token
 * ```
 *
 * @group Locks
 */
export interface LockLease {
  /**
   * Fencing token: strictly greater than every token handed out before for the
   * same key. A write carrying it is refused where a higher token already wrote.
   */
  readonly token: number;
  /** Releases the lock if this lease still holds it. */
  release(): Promise<void>;
}

/**
 * The minimal lock service the distributed-lock strategy needs. Ship your own
 * or use {@link MemoryLockProvider} (one process) or `RedisLockProvider` from
 * `@mallkit/stock/redis`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   type LockProvider,
 *   MemoryLockProvider,
 *   migrateStock,
 *   StockService,
 * } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const inner = new MemoryLockProvider();
 * const taken: string[] = [];
 * const provider: LockProvider = { // your own lock service; here it logs, then locks in memory
 *   async tryAcquire(key, ttlMs) {
 *     taken.push(key);
 *     return inner.tryAcquire(key, ttlMs);
 *   },
 * };
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db, strategy: 'lock', lock: { provider } });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * for (const sku of ['tv-55', 'case-55']) {
 *   await stock.defineSku({ sku });
 *   await stock.restock({ sku, warehouse: 'sh-1', quantity: 5, receiptNo: `GRN-${sku}` });
 * }
 * const lines = [{ sku: 'tv-55', quantity: 1 }, { sku: 'case-55', quantity: 1 }];
 * assert.equal((await stock.deduct({ orderNo: 'SO-1', lines })).strategy, 'lock');
 * // one lock per SKU, taken in SKU order so that two orders never wait on each other
 * assert.deepEqual(taken, ['mallkit:stock:lock:{case-55}', 'mallkit:stock:lock:{tv-55}']);
 * await db.destroy();
 * ```
 *
 * @group Locks
 */
export interface LockProvider {
  /** Tries once to take `key` for `ttlMs`; `null` when someone else holds it. */
  tryAcquire(key: string, ttlMs: number): Promise<LockLease | null>;
}
