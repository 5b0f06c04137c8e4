/**
 * Units Redis may still admit for one row of an activity, as `open` and `remaining` of
 * {@link RedisFlashSale} answer.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { type FlashSaleStock, RedisFlashSale } from '@mallkit/stock/redis';
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
 *   activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 5, strategy: 'redis',
 * });
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const sale = new RedisFlashSale({ redis, service: stock, prefix: `doc:${randomUUID()}` });
 *
 * const opened: FlashSaleStock[] = await sale.open('D11'); // counters = allocated - sold
 * assert.deepEqual(opened, [{ sku: 'tv-55', warehouse: 'sh-1', remaining: 5 }]);
 * await sale.buy({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 2 }] });
 * const [row] = await sale.remaining('D11');
 * assert.equal(row?.remaining, 3);
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export interface FlashSaleStock {
  /** The SKU. */
  sku: string;
  /** The warehouse. */
  warehouse: string;
  /** Units left to admit. */
  remaining: number;
}
