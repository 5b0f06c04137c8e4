import type { FlashSaleRedis } from './FlashSaleRedis.js';

/**
 * Options of a {@link FlashSaleWriter}, given to {@link RedisFlashSale.writer}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { type FlashSaleWriterOptions, RedisFlashSale } from '@mallkit/stock/redis';
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
 * const url = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
 * const redis = new Redis(url);
 * const sale = new RedisFlashSale({ redis, service: stock, prefix: `doc:${randomUUID()}` });
 * await sale.open('D11');
 *
 * const reader = new Redis(url); // the writer blocks on it: never the buyers' client
 * const options: FlashSaleWriterOptions = {
 *   redis: reader,
 *   consumer: `${process.pid}-D11`, // one name per running writer
 *   batchSize: 50,
 *   blockMs: 100, // also how long stop() may wait on a client of your own
 *   claimIdleMs: 5_000, // take over entries a dead writer left behind
 *   maxDeliveries: 3,
 *   concurrency: 2,
 * };
 * const writer = sale.writer('D11', options);
 * assert.equal(writer.consumer, options.consumer);
 * writer.start();
 * await sale.buy({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 1 }] });
 * assert.equal(await sale.close('D11'), 4); // waits until the writer wrote FS-1
 * await writer.stop();
 * assert.throws(() => sale.writer('D11', { batchSize: 0 }), { code: 'INVALID_OPTION' });
 * reader.disconnect(); // yours, as the writer never closes a client it was given
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export interface FlashSaleWriterOptions {
  /**
   * The client the writer reads the hand-off stream with. Its reads block the connection
   * for up to `blockMs`, so it must not be the one buyers go through. When given, it is
   * yours (never closed; `stop` may then wait up to `blockMs`).
   * @default a `duplicate()` of the sale's client, made by `start` and closed by `stop`
   */
  redis?: FlashSaleRedis;
  /**
   * This writer's name in the consumer group. Give each running writer its own; a writer
   * restarted under the same name takes back its pending entries after `claimIdleMs`.
   * @default 'writer-' followed by a random UUID
   */
  consumer?: string;
  /**
   * Most entries read (or claimed) and written per batch.
   * @default 100
   */
  batchSize?: number;
  /**
   * How long one read waits for new entries, in ms (`XREADGROUP … BLOCK`).
   * @default 1000
   */
  blockMs?: number;
  /**
   * An entry delivered to a consumer and not settled for this long, in ms, is taken over
   * (`XAUTOCLAIM`): the consumer died, or its write failed. The writer looks for such
   * entries every `claimIdleMs / 2` (at least every 50 ms).
   * @default 30_000
   */
  claimIdleMs?: number;
  /**
   * Deliveries of one entry (the first read and every takeover) before the writer gives
   * up and moves it to the activity's dead-letter stream with the reason. Entries the
   * database refuses for good (unknown SKU, order conflict…) go there at once; an order
   * it refuses for want of stock is `overAdmitted`, not dead-lettered.
   * @default 10
   */
  maxDeliveries?: number;
  /**
   * Orders of one batch written to the database at the same time.
   * @default 4
   */
  concurrency?: number;
  /**
   * Pause after a failed step (Redis or the database unavailable) before the next, in ms.
   * @default 500
   */
  retryDelayMs?: number;
}
