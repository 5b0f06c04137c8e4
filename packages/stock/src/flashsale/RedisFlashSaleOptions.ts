import type { OrderLimits } from '../order/OrderLimits.js';
import type { StockService } from '../service/StockService.js';
import type { FlashSaleRedis } from './FlashSaleRedis.js';

/**
 * Options of {@link RedisFlashSale}.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { RedisFlashSale, type RedisFlashSaleOptions } from '@mallkit/stock/redis';
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
 * const prefix = `doc:RedisFlashSaleOptions:${randomUUID()}`;
 *
 * const options: RedisFlashSaleOptions = {
 *   redis,
 *   service: stock,
 *   prefix, // the start of every key
 *   replicas: 0, // a standalone Redis without replicas: no WAIT
 *   limits: { maxQuantity: 2 }, // at most 2 units per line in this sale
 *   drainTimeoutMs: 10_000,
 *   retainMs: 86_400_000, // a finished activity's keys stay a day (default: recordTtlMs)
 * };
 * const sale = new RedisFlashSale(options);
 * await sale.open('D11');
 * const order = { orderNo: 'FS-1', lines: [{ sku: 'tv-55', quantity: 3 }] };
 * await assert.rejects(sale.buy(order), { code: 'INVALID_ORDER' }); // over maxQuantity
 * assert.equal((await sale.buy({ ...order, lines: [{ sku: 'tv-55', quantity: 2 }] })).replicas, 0);
 * assert.throws(() => new RedisFlashSale({ ...options, prefix: 'shop{1}' }), {
 *   code: 'INVALID_OPTION', // braces would break the hash tags
 * });
 * const writer = sale.writer('D11', { blockMs: 100 });
 * writer.start();
 * assert.equal(await sale.close('D11'), 3); // once the writer wrote FS-1
 * await writer.stop();
 * const ttl = await redis.pttl(`{${prefix}:D11}:meta`); // retained for a day
 * assert.ok(ttl > 86_000_000 && ttl <= 86_400_000);
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export interface RedisFlashSaleOptions {
  /**
   * Your Redis (7.0 or later): an ioredis `Redis` or `Cluster`, or any client of the same
   * shape. It is never closed by the flash sale. A client with a `keyPrefix` is refused:
   * use {@link RedisFlashSaleOptions.prefix}.
   */
  redis: FlashSaleRedis;
  /**
   * The inventory: activities are read from it, admitted orders are written to it with
   * `deduct` (the final guard against overselling) and `close` ends the activity in it.
   */
  service: StockService;
  /**
   * Start of every key. An activity's keys share the hash tag `{<prefix>:<activityId>}`;
   * neither may contain `{` or `}`.
   * @default 'mallkit:flash'
   */
  prefix?: string;
  /**
   * Replicas that must acknowledge an admission (`WAIT`) before `buy` reports it as
   * `admitted`, and a writer's read before it writes the orders to the database; `0`
   * turns `WAIT` off. Set it to the number of replicas each master has: Redis promotes
   * one of them on a failover and only those that acknowledged are sure to hold the
   * admission.
   * @default 1 on a Cluster client, 0 on a standalone client
   */
  replicas?: number;
  /**
   * How long one `WAIT` may block, in ms. An admission not acknowledged in time is
   * reported as `unconfirmed`, not `admitted`.
   * @default 500
   */
  waitTimeoutMs?: number;
  /**
   * How long an order's idempotency record lives in Redis, in ms. Keep it well beyond
   * the activity (and its buyers' retries): a retry after it expired is admitted afresh
   * in Redis (the database still deducts the order once).
   * @default 604_800_000 (7 days)
   */
  recordTtlMs?: number;
  /**
   * How long an activity's keys (state, counters, hand-off and dead-letter streams) stay
   * in Redis once it is finished, in ms: closed (by `close`, or by `reconcile` after the
   * database ended it) and every admitted order settled. They get this TTL then, all with
   * the same deadline, so `reconcile` and `remaining` stay readable that long; `purge`
   * deletes them earlier. An activity with orders in flight, or with dead letters
   * (admitted orders the database refused), never expires: settle them, then `purge`
   * with `dropDeadLetters`.
   * @default the value of `recordTtlMs`
   */
  retainMs?: number;
  /**
   * The writers' consumer group on each activity's hand-off stream.
   * @default 'stock-writers'
   */
  group?: string;
  /**
   * Tries of one Redis call on a Cluster, the first included; between two the slot table
   * is fetched again (a failover or a moved slot). Then the call fails with
   * `STORE_UNAVAILABLE`.
   * @default 3
   */
  maxAttempts?: number;
  /**
   * Limits of an order: order-number length, lines, units per line.
   * @default defaultOrderLimits
   */
  limits?: OrderLimits;
  /**
   * How long `close` waits for the writers to write the orders in flight, in ms.
   * @default 60_000
   */
  drainTimeoutMs?: number;
  /**
   * Longest a reconcile may take from its first Redis step to its last, in ms; a slower
   * one starts again. Another reconcile of the same activity is refused meanwhile.
   * @default 30_000
   */
  reconcileTimeoutMs?: number;
}
