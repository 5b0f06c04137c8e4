import type { LockProvider } from '../locks/LockProvider.js';

/**
 * Options of the distributed-lock strategy (`'lock'`): a lock per SKU, and the lock's
 * fencing token written with the row.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import {
 *   type DistributedLockOptions,
 *   MemoryLockProvider,
 *   migrateStock,
 *   StockService,
 * } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const provider = new MemoryLockProvider(); // RedisLockProvider when several processes deduct
 * const lock: DistributedLockOptions = {
 *   provider,
 *   ttlMs: 2_000, // longest a lock is held
 *   waitMs: 50, // longest an order waits for its locks
 *   keyPrefix: 'shop:lock:', // keys are <keyPrefix>{<sku>}
 * };
 * const stock = new StockService({ db, strategy: 'lock', lock });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 5, receiptNo: 'GRN-1' });
 * const order = { orderNo: 'SO-1', lines: [{ sku: 'tv-55', quantity: 1 }] };
 *
 * const held = await provider.tryAcquire('shop:lock:{tv-55}', 2_000); // a slow process holds it
 * await assert.rejects(stock.deduct(order), { code: 'LOCK_TIMEOUT' }); // after waitMs
 * await held?.release();
 * assert.equal((await stock.deduct(order)).strategy, 'lock'); // the same number, now through
 * await db.destroy();
 * ```
 *
 * @group Deduction strategies
 */
export interface DistributedLockOptions {
  /**
   * Where locks live. Use `RedisLockProvider` from `@mallkit/stock/redis` when
   * several processes deduct.
   * @default new MemoryLockProvider()
   */
  provider?: LockProvider;
  /**
   * How long a lock is held at most, in ms. The fencing token keeps a holder
   * that outlives it from writing over a newer one.
   * @default 5000
   */
  ttlMs?: number;
  /**
   * How long an order waits for its SKUs' locks before `LOCK_TIMEOUT`, in ms.
   * @default 2000
   */
  waitMs?: number;
  /**
   * Prefix of the lock keys; the SKU is appended inside a hash tag.
   * @default 'mallkit:stock:lock:'
   */
  keyPrefix?: string;
}
