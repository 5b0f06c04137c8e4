/**
 * Options of {@link RedisFlashSale.purge}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { type FlashSalePurgeOptions, RedisFlashSale } from '@mallkit/stock/redis';
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
 * // the database knows FS-1 already, as another order: the sale's FS-1 cannot be written
 * await stock.deduct({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 1 }] });
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const prefix = `doc:FlashSalePurgeOptions:${randomUUID()}`;
 * const sale = new RedisFlashSale({ redis, service: stock, prefix });
 * await sale.open('D11');
 * await sale.buy({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 2 }] });
 * const writer = sale.writer('D11', { blockMs: 100 });
 * const deadLettered = new Promise((resolve) => sale.events.on('deadLettered', resolve));
 * writer.start();
 * await deadLettered; // admitted, never written: someone must settle it by hand
 * assert.equal(await sale.close('D11'), 5);
 * await writer.stop();
 *
 * // a purge never deletes dead letters unless told to
 * await assert.rejects(sale.purge('D11'), { code: 'INVALID_TRANSITION' });
 * const letters = await redis.xrange(`{${prefix}:D11}:dead`, '-', '+');
 * assert.equal(letters.length, 1); // …settled by hand; now they may go
 * const options: FlashSalePurgeOptions = { dropDeadLetters: true };
 * assert.equal(await sale.purge('D11', options), 4); // state, counters, hand-off, dead letters
 * assert.equal(await redis.exists(`{${prefix}:D11}:dead`), 0);
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export interface FlashSalePurgeOptions {
  /**
   * Delete the activity's dead letters too: orders that were admitted and never written to
   * the database. Without it, `purge` refuses while there are any; settle them first.
   * @default false
   */
  dropDeadLetters?: boolean;
}
