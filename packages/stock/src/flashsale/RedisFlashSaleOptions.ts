import type { OrderLimits } from '../order/OrderLimits.js';
import type { StockService } from '../service/StockService.js';
import type { FlashSaleRedis } from './FlashSaleRedis.js';

/** Options of {@link RedisFlashSale}. */
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
