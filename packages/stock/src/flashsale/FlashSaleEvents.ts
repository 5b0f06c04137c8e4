import type { StockErrorCode } from '../errors/StockErrorCode.js';
import type { FlashSaleLine } from './FlashSaleLine.js';
import type { FlashSaleRepair } from './FlashSaleReconciliation.js';

/**
 * Why `buy` refused an order, as the `rejected` event of {@link FlashSaleEvents} reports it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { type FlashSaleRejection, RedisFlashSale } from '@mallkit/stock/redis';
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
 *   activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 1, strategy: 'redis',
 * });
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const sale = new RedisFlashSale({ redis, service: stock, prefix: `doc:${randomUUID()}` });
 * const reasons: FlashSaleRejection[] = [];
 * sale.events.on('rejected', (e) => reasons.push(e.reason));
 * await sale.open('D11'); // one unit
 *
 * await sale.buy({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 1 }] });
 * const refused = [
 *   { orderNo: 'FS-2', lines: [{ sku: 'tv-55', quantity: 1 }] }, // nothing left
 *   { orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 2 }] }, // FS-1 had other lines
 *   { orderNo: 'FS 3', lines: [{ sku: 'tv-55', quantity: 1 }] }, // a space in the number
 * ];
 * for (const order of refused) await sale.buy(order).catch(() => {});
 * assert.deepEqual(reasons, ['sold-out', 'conflict', 'invalid']);
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export type FlashSaleRejection =
  | 'sold-out'
  | 'conflict'
  | 'closed'
  | 'invalid'
  | 'refused-by-database'
  | 'dead-lettered'
  | 'unavailable';

/**
 * Typed events of a {@link RedisFlashSale} and its writers, also published on
 * `diagnostics_channel` as `mallkit:stock:flashsale:<name>`.
 *
 * @example
 * ```ts
 * import { subscribe, unsubscribe } from 'node:diagnostics_channel';
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { type FlashSaleEvents, RedisFlashSale } from '@mallkit/stock/redis';
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
 *   activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 1, strategy: 'redis',
 * });
 * const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
 * const sale = new RedisFlashSale({ redis, service: stock, prefix: `doc:${randomUUID()}` });
 * const log: string[] = [];
 * sale.events.on('admitted', (e) => log.push(`admitted:${e.orderNo}`));
 * sale.events.on('rejected', (e) => log.push(`rejected:${e.orderNo}:${e.reason}`));
 * sale.events.on('written', (e) => log.push(`written:${e.orderNo}`));
 * const seen: FlashSaleEvents['admitted'][] = []; // what a metrics module sees, without `sale`
 * const onAdmitted = (message: unknown) => seen.push(message as FlashSaleEvents['admitted']);
 * subscribe('mallkit:stock:flashsale:admitted', onAdmitted);
 *
 * await sale.open('D11'); // one unit
 * await sale.buy({ orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 1 }] });
 * await sale.buy({ orderNo: 'FS-2', lines: [{ sku: 'tv-55', quantity: 1 }] }).catch(() => {});
 * const writer = sale.writer('D11');
 * writer.start();
 * await sale.close('D11'); // waits until the writer wrote FS-1
 * await writer.stop();
 * assert.deepEqual(log, ['admitted:FS-1', 'rejected:FS-2:sold-out', 'written:FS-1']);
 * assert.deepEqual(seen.map((e) => [e.orderNo, e.replayed]), [['FS-1', false]]);
 * unsubscribe('mallkit:stock:flashsale:admitted', onAdmitted);
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export interface FlashSaleEvents {
  /** Redis admitted an order and the required replicas acknowledged it (replays too). */
  admitted: {
    /** The activity. */
    activityId: string;
    /** The order number. */
    orderNo: string;
    /** The lines, with the warehouse each was taken from. */
    lines: FlashSaleLine[];
    /** `true` when an earlier call admitted it. */
    replayed: boolean;
    /** Replicas that acknowledged it. */
    replicas: number;
    /** Time `buy` took, in ms. */
    durationMs: number;
  };
  /** `buy` refused an order; nothing was admitted. */
  rejected: {
    /** The activity, or `''` when the order could not be matched to one. */
    activityId: string;
    /** The order number, or `''` when it was missing. */
    orderNo: string;
    /** Why. */
    reason: FlashSaleRejection;
    /** The code of the `StockError` thrown. */
    code: StockErrorCode;
    /** The error's message. */
    message: string;
  };
  /**
   * Fewer replicas than required acknowledged an admission (then `buy` answers
   * `unconfirmed`) or a writer's read (then the writer waits before writing).
   */
  replicationShort: {
    /** The activity. */
    activityId: string;
    /** The order, or `''` for a writer's read. */
    orderNo: string;
    /** Replicas required. */
    required: number;
    /** Replicas that acknowledged within `waitTimeoutMs`. */
    acknowledged: number;
  };
  /** A writer wrote an admitted order to the database and settled it. */
  written: {
    /** The activity. */
    activityId: string;
    /** The order number. */
    orderNo: string;
    /** Its hand-off stream entry. */
    streamId: string;
    /** `true` when the database held it already (delivered again after a writer died). */
    replayed: boolean;
  };
  /**
   * The database refused an admitted order for want of stock: Redis admitted more than
   * the database allows (drift, or a failover that lost writes). The order is marked
   * `rejected` in Redis; nothing went below zero.
   */
  overAdmitted: {
    /** The activity. */
    activityId: string;
    /** The order number. */
    orderNo: string;
    /** Its hand-off stream entry. */
    streamId: string;
    /** Its lines. */
    lines: FlashSaleLine[];
    /** The database's refusal. */
    message: string;
  };
  /** A writer gave up on an entry and moved it to the activity's dead-letter stream. */
  deadLettered: {
    /** The activity. */
    activityId: string;
    /** The order number (`''` for a malformed entry). */
    orderNo: string;
    /** Its hand-off stream entry. */
    streamId: string;
    /** Deliveries of the entry so far. */
    deliveries: number;
    /** Why, as written to the dead-letter stream. */
    reason: string;
  };
  /**
   * A writer's step failed (Redis or the database unavailable); it is tried again. For
   * one order (`orderNo`, `streamId`) or a whole round (both `''`).
   */
  writeFailed: {
    /** The activity. */
    activityId: string;
    /** The order number, or `''`. */
    orderNo: string;
    /** Its hand-off stream entry, or `''`. */
    streamId: string;
    /** What failed. */
    error: unknown;
  };
  /** A reconcile changed Redis counters. */
  repaired: {
    /** The activity. */
    activityId: string;
    /** Every row of the activity, with its counter before and after. */
    lines: FlashSaleRepair[];
  };
}
