/**
 * One row of a reconcile: the Redis counter before and after.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { type FlashSaleRepair, RedisFlashSale } from '@mallkit/stock/redis';
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
 * const repairs: FlashSaleRepair[] = [];
 * sale.events.on('repaired', (e) => repairs.push(...e.lines));
 * await sale.open('D11');
 * const writer = sale.writer('D11');
 * const written = new Promise((resolve) => sale.events.on('written', resolve));
 * writer.start();
 * await sale.buy({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 2 }] });
 * await written;
 * await writer.stop(); // FS-2 below stays in flight: admitted, not yet written
 * await sale.buy({ orderNo: 'FS-2', lines: [{ sku: 'tv-55', quantity: 1 }] });
 * await stock.release('FS-1'); // the database gets 2 units back
 *
 * await sale.reconcile('D11');
 * assert.deepEqual(repairs, [
 *   { sku: 'tv-55', warehouse: 'sh-1', available: 5, inFlight: 1, before: 2, after: 4 },
 * ]); // after = available - inFlight
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export interface FlashSaleRepair {
  /** The SKU. */
  sku: string;
  /** The warehouse. */
  warehouse: string;
  /** Units the database allows: allocated minus sold, 0 once the activity ended. */
  available: number;
  /** Units admitted in Redis and not yet in the database when the counter was set. */
  inFlight: number;
  /** The Redis counter before. */
  before: number;
  /** The Redis counter after: `max(0, available - inFlight)`. */
  after: number;
}

/**
 * What `reconcile` of {@link RedisFlashSale} found and did.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { type FlashSaleReconciliation, RedisFlashSale } from '@mallkit/stock/redis';
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
 * await sale.open('D11');
 * const writer = sale.writer('D11');
 * const written = new Promise((resolve) => sale.events.on('written', resolve));
 * writer.start();
 * await sale.buy({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 2 }] });
 * await written; // FS-1 is in the database
 * await writer.stop();
 *
 * await stock.release('FS-1'); // cancelled: its units go back to the activity's pool
 * assert.equal((await sale.remaining('D11'))[0]?.remaining, 3); // Redis cannot know that
 * const result: FlashSaleReconciliation = await sale.reconcile('D11');
 * assert.equal(result.changed, true);
 * assert.equal(result.replicated, true); // no replicas required here
 * assert.deepEqual(result.lines.map((l) => [l.before, l.after]), [[3, 5]]);
 * assert.equal((await sale.remaining('D11'))[0]?.remaining, 5); // on sale again
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export interface FlashSaleReconciliation {
  /** The activity. */
  activityId: string;
  /** Every row of the activity. */
  lines: FlashSaleRepair[];
  /** Whether any counter changed. */
  changed: boolean;
  /**
   * Whether the replicas acknowledged the change (always `true` when nothing changed or
   * `replicas` is 0). When `false`, run `reconcile` again: a failover could undo it.
   */
  replicated: boolean;
}
