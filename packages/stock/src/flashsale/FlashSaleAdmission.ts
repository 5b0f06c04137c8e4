import type { FlashSaleLine } from './FlashSaleLine.js';

/**
 * What `buy` answers for an order Redis admitted. Anything else (sold out, conflict,
 * closed activity, bad order, Redis down) is thrown as a `StockError`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { type FlashSaleAdmission, RedisFlashSale } from '@mallkit/stock/redis';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { Redis } from 'ioredis';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * await stock.allocateActivity({
 *   activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 3, strategy: 'redis',
 * });
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const sale = new RedisFlashSale({ redis, service: stock, prefix: `doc:${randomUUID()}` });
 * await sale.open('D11');
 *
 * const order = { orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 2 }] };
 * const admission: FlashSaleAdmission = await sale.buy(order);
 * assert.equal(admission.status, 'admitted'); // 'unconfirmed': buy again with the same order
 * assert.equal(admission.orderNo, 'FS-1');
 * assert.equal(admission.activityId, 'D11'); // the only activity open here
 * assert.deepEqual(admission.lines, [{ sku: 'tv-55', warehouse: 'sh-1', quantity: 2 }]);
 * assert.equal(admission.replicas, 0); // a standalone Redis: replicas defaults to 0
 * assert.equal(admission.replayed, false);
 *
 * const retry = await sale.buy(order); // the buyer's app timed out and sent it again
 * assert.equal(retry.replayed, true);
 * assert.equal(retry.streamId, admission.streamId); // one hand-off entry for both
 * await assert.rejects(sale.buy({ ...order, orderNo: 'FS-2' }), { code: 'INSUFFICIENT_STOCK' });
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export interface FlashSaleAdmission {
  /** The activity. */
  activityId: string;
  /** The order number. */
  orderNo: string;
  /**
   * - `'admitted'`: the units are the buyer's. The admission is on the master and, when
   *   `replicas` is above 0, on at least that many replicas, so it survives a failover;
   *   a writer will write it to the database.
   * - `'unconfirmed'`: the master admitted it, but fewer replicas than required
   *   acknowledged it within `waitTimeoutMs`. A failover now could lose it: do not tell
   *   the buyer yet, call `buy` again with the same order (it answers `admitted` once
   *   replicated, or, if the admission was lost, admits it afresh or says sold out).
   */
  status: 'admitted' | 'unconfirmed';
  /** The lines, with the warehouse each was taken from. */
  lines: FlashSaleLine[];
  /** `true` when an earlier call with this order number admitted it. */
  replayed: boolean;
  /** Replicas that acknowledged (`WAIT`'s answer); 0 when `replicas` is 0. */
  replicas: number;
  /** The order's entry in the activity's hand-off stream. */
  streamId: string;
}
