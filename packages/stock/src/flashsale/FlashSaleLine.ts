/**
 * One line of an admitted order: the SKU, the warehouse Redis took it from, the units.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { type FlashSaleLine, RedisFlashSale } from '@mallkit/stock/redis';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { Redis } from 'ioredis';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineSku({ sku: 'tv-55' });
 * for (const [code, quantity] of [['bj-1', 1], ['sh-1', 5]] as const) {
 *   await stock.defineWarehouse({ code });
 *   await stock.restock({ sku: 'tv-55', warehouse: code, quantity, receiptNo: `GRN-${code}` });
 *   await stock.allocateActivity({
 *     activityId: 'D11', sku: 'tv-55', warehouse: code, quantity, strategy: 'redis',
 *   });
 * }
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const sale = new RedisFlashSale({ redis, service: stock, prefix: `doc:${randomUUID()}` });
 * await sale.open('D11');
 *
 * // a line that names no warehouse takes the first of the activity's rows with enough units
 * const admission = await sale.buy({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 2 }] });
 * const lines: FlashSaleLine[] = admission.lines;
 * assert.deepEqual(lines, [{ sku: 'tv-55', warehouse: 'sh-1', quantity: 2 }]);
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export interface FlashSaleLine {
  /** The SKU. */
  sku: string;
  /** The warehouse of the activity row the units were taken from. */
  warehouse: string;
  /** Units. */
  quantity: number;
}
