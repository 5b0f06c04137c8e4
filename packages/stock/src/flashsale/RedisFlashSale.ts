import { EventHub } from '@mallkit/resilience';
import { isStockError, StockError } from '../errors/StockError.js';
import type { Order } from '../order/Order.js';
import { validateOrder } from '../order/validateOrder.js';
import { buyScript } from './buyScript.js';
import type { FlashSaleAdmission } from './FlashSaleAdmission.js';
import type { FlashSaleContext } from './FlashSaleContext.js';
import type { FlashSaleEvents, FlashSaleRejection } from './FlashSaleEvents.js';
import { flashSaleKeys } from './FlashSaleKeys.js';
import type { FlashSalePurgeOptions } from './FlashSalePurgeOptions.js';
import { FlashSaleReconciler } from './FlashSaleReconciler.js';
import type { FlashSaleReconciliation } from './FlashSaleReconciliation.js';
import type { FlashSaleConnection } from './FlashSaleRedis.js';
import { FlashSaleRefusal } from './FlashSaleRefusal.js';
import type { FlashSaleStock } from './FlashSaleStock.js';
import { FlashSaleWriter } from './FlashSaleWriter.js';
import type { FlashSaleWriterOptions } from './FlashSaleWriterOptions.js';
import { lineCodec } from './lineCodec.js';
import type { OpenActivity } from './OpenActivity.js';
import { openScript } from './openScript.js';
import { planBuy } from './planBuy.js';
import { purgeScript } from './purgeScript.js';
import type { RedisFlashSaleOptions } from './RedisFlashSaleOptions.js';
import { ReplicaBarrier } from './ReplicaBarrier.js';
import { needsWait, readBuyReply } from './readBuyReply.js';
import { readStock } from './readStock.js';
import { type FlashSaleSettings, resolveFlashSaleOptions } from './resolveFlashSaleOptions.js';
import { retainScript } from './retainScript.js';
import { SlotRouter } from './SlotRouter.js';

const REASON_OF_CODE: Partial<Record<StockError['code'], FlashSaleRejection>> = {
  INSUFFICIENT_STOCK: 'sold-out',
  ORDER_CONFLICT: 'conflict',
  STORE_UNAVAILABLE: 'unavailable',
};

/**
 * Flash sales on Redis + Lua (the `'redis'` deduction strategy, beside the four in SQL), for activities allocated
 * with `strategy: 'redis'`.
 *
 * **Admission.** `buy` runs one Lua script on the activity's Redis node: it answers a
 * known order number from its idempotency record (same lines: replay; other lines:
 * `ORDER_CONFLICT`), else checks every line's remaining units, and either changes nothing
 * (sold out) or takes the units, writes the idempotency record and appends the order to
 * the activity's hand-off stream, all at once. Every key of an activity carries the hash
 * tag `{<prefix>:<activityId>}`, so on a Cluster all of them live in one slot.
 *
 * **Hand-off.** A {@link FlashSaleWriter} (see {@link RedisFlashSale.writer}) reads the
 * stream in a consumer group and writes each order with `StockService.deduct`, which is
 * idempotent on the order number: delivery is at least once, the effect exactly once.
 * Only then is the entry acknowledged and deleted, so the stream always holds exactly the
 * admitted orders the database has not settled.
 *
 * **Failover** (Redis replication is asynchronous). Two defences, both on:
 * 1. `WAIT`: after a script, `buy` sends `WAIT replicas waitTimeoutMs` on the very
 *    connection that ran it (on a Cluster, the client's own connection to the slot's
 *    master), batched so that one `WAIT` covers every script sent before it. Only an
 *    admission at least `replicas` replicas acknowledged is reported `admitted`; one that
 *    is not is reported `unconfirmed` (a failover may lose it; retry with the same
 *    order). Writers also `WAIT` after each read and write nothing the replicas do not
 *    hold, so the database never holds an order a failover can remove from Redis.
 * 2. The database is the source of truth: the writer's `deduct` is a conditional update
 *    of the activity's pool, so whatever Redis admits, stock never goes below zero; an
 *    order the database refuses is emitted as `overAdmitted` and marked `rejected`.
 *
 * Guarantees, with `replicas` equal to the replicas each master has:
 * - no oversell, ever: the database refuses what its pool cannot serve (this one holds
 *   with any `replicas`, also 0);
 * - every `admitted` answer survives a failover and is written to the database exactly
 *   once, unless a writer dead-letters it, or something other than this flash sale took
 *   units from the activity's pool in the database (then it is `overAdmitted`);
 * - after a failover, {@link RedisFlashSale.reconcile} sets the counters back to what
 *   the database allows, so units are neither lost nor sold twice;
 * - a process killed anywhere (between the Redis admission and the database write, or
 *   between the write and the acknowledgement) loses and doubles nothing: Redis keeps the
 *   admission until a writer settled it, another writer takes a dead one's entries over
 *   after `claimIdleMs`, and the database deducts an order number once.
 *
 * With `replicas: 0` a failover may lose admissions already answered `admitted`; the
 * database still never oversells. With fewer replicas required than a master has, Redis
 * may promote a replica that lacks an acknowledged admission.
 *
 * **Retention.** Once an activity is finished (closed by `close`, or by `reconcile` after
 * the database ended it) and every admitted order is settled, its keys expire together
 * `retainMs` later (by default `recordTtlMs`), the order records on their own TTL; keys
 * of an activity with orders in flight never expire. {@link RedisFlashSale.purge}
 * deletes them at once.
 *
 * The Redis client is yours (never closed); every app node calls `open` for the
 * activities it sells. Needs Redis 7.0 or later.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { randomUUID } from 'node:crypto';
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { RedisFlashSale } from '@mallkit/stock/redis';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import { Cluster } from 'ioredis';
 *
 * const db = openSqliteStock(); // on MySQL in production: the source of truth
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 500, receiptNo: 'R-1' });
 * await stock.allocateActivity({
 *   activityId: 'A-618', sku: 'phone-128', warehouse: 'sh-1', quantity: 100, strategy: 'redis',
 * });
 *
 * const redis = new Cluster((process.env['REDIS_CLUSTER'] ?? '127.0.0.1:7000').split(','));
 * const prefix = `doc:RedisFlashSale:${randomUUID()}`;
 * const sale = new RedisFlashSale({ redis, service: stock, prefix, replicas: 1 });
 * const refused: string[] = [];
 * sale.events.on('overAdmitted', (e) => refused.push(e.orderNo)); // the database said no
 * await sale.open('A-618');
 * const writer = sale.writer('A-618', { blockMs: 100 });
 * writer.start();
 *
 * const order = { orderNo: 'SO-1', lines: [{ sku: 'phone-128', quantity: 2 }] };
 * const admission = await sale.buy(order);
 * // 'unconfirmed' would mean: no replica holds it yet, ask again with the same order number
 * assert.equal(admission.status, 'admitted');
 * assert.equal((await sale.buy(order)).replayed, true); // a buyer's retry
 *
 * await sale.reconcile('A-618'); // after a failover, or on a schedule
 * assert.equal(await sale.close('A-618'), 98); // stop admitting, drain, end the activity
 * await writer.stop();
 * assert.equal((await stock.getOrder('SO-1'))?.status, 'reserved'); // awaiting payment
 * assert.deepEqual(refused, []);
 * // its keys now expire after retainMs (7 days); to forget the activity at once:
 * assert.equal(await sale.purge('A-618'), 3); // state, counters, hand-off stream
 * redis.disconnect();
 * await db.destroy();
 * ```
 *
 * @group Flash sales
 */
export class RedisFlashSale {
  /** Typed events, mirrored on `diagnostics_channel` as `mallkit:stock:flashsale:<name>`. */
  readonly events = new EventHub<FlashSaleEvents>('mallkit:stock:flashsale');
  readonly #settings: FlashSaleSettings;
  readonly #router: SlotRouter;
  readonly #barriers = new WeakMap<FlashSaleConnection, ReplicaBarrier>();
  readonly #open = new Map<string, OpenActivity>();
  readonly #context: FlashSaleContext;
  readonly #reconciler: FlashSaleReconciler;

  /** @param options - see {@link RedisFlashSaleOptions} */
  constructor(options: RedisFlashSaleOptions) {
    this.#settings = resolveFlashSaleOptions(options);
    this.#router = new SlotRouter(this.#settings.redis, this.#settings.maxAttempts);
    this.#context = {
      settings: this.#settings,
      events: this.events,
      router: this.#router,
      keys: (activityId) => flashSaleKeys(this.#settings.prefix, activityId),
      barrier: (connection) => this.#barrier(connection),
    };
    this.#reconciler = new FlashSaleReconciler(this.#context);
  }

  /**
   * Starts selling an activity through Redis: reads its `'redis'` rows from the database
   * and sets each row's counter to allocated minus sold, unless the activity is open in
   * Redis already (counters of an open activity are never reset, so every app node may
   * call it). Creates the writers' consumer group. Returns the counters.
   *
   * An activity closed in Redis stays closed while its keys are retained: to sell under
   * the same id again (new rows allocated to it), {@link RedisFlashSale.purge} it first.
   *
   * @throws `StockError` `UNKNOWN_ACTIVITY` when the activity has no `'redis'` rows,
   *   `INVALID_REQUEST` when it ended or was closed, `STORE_UNAVAILABLE` when Redis or the
   *   database failed, `SCHEMA_MISSING` when the database lacks the stock tables
   */
  async open(activityId: string): Promise<FlashSaleStock[]> {
    const keys = this.#context.keys(activityId);
    const rows = (await this.#settings.service.getActivity(activityId)).filter(
      (r) => r.strategy === 'redis',
    );
    if (rows.length === 0) {
      throw new StockError(
        'UNKNOWN_ACTIVITY',
        `activity "${activityId}" has no rows allocated with strategy 'redis'`,
      );
    }
    const active = rows.filter((r) => r.status === 'active');
    if (active.length === 0)
      throw new StockError('INVALID_REQUEST', `activity "${activityId}" has ended`);
    const args = [this.#settings.group];
    for (const r of active)
      args.push(lineCodec.field(r.sku, r.warehouse), String(r.allocated - r.sold));
    const reply = await this.#redis('open', () =>
      this.#router.run(keys.tag, (c) =>
        openScript.run(c, [keys.meta, keys.stock, keys.stream, keys.dead], args),
      ),
    );
    if (first(reply) === 'closed')
      throw new StockError('INVALID_REQUEST', `activity "${activityId}" was closed`);
    const byRow = new Map<string, string[]>();
    for (const r of active) byRow.set(r.sku, [...(byRow.get(r.sku) ?? []), r.warehouse]);
    this.#open.set(activityId, { activityId, keys, rows: byRow });
    return this.remaining(activityId);
  }

  /**
   * Admits an order of an open activity, or refuses it whole. Validated like
   * `StockService.deduct` (`INVALID_ORDER`); every line must be a SKU of the activity
   * (and of the named warehouse, if any) or the call throws `UNKNOWN_ACTIVITY` with
   * nothing written. A line without a warehouse takes the first of the SKU's rows with
   * enough units. The activity is the one the lines name (`activityId`) or, when they
   * name none, the only one this instance opened.
   *
   * Idempotent on `orderNo`: a retry with the same lines replays (`replayed: true`), with
   * other lines throws `ORDER_CONFLICT`. Read the answer's `status`: only `'admitted'`
   * is a success to report to the buyer (see {@link FlashSaleAdmission.status}).
   *
   * @throws `StockError`: `INSUFFICIENT_STOCK` (a line is sold out, the activity is
   *   closed, or the database refused this order before), `ORDER_CONFLICT`,
   *   `INVALID_ORDER`, `INVALID_REQUEST`, `UNKNOWN_ACTIVITY`, `STORE_UNAVAILABLE` (Redis
   *   failed, or the order was dead-lettered: retrying the same order is always safe)
   */
  async buy(order: Order): Promise<FlashSaleAdmission> {
    const started = performance.now();
    let orderNo = typeof order?.orderNo === 'string' ? order.orderNo : '';
    let activityId = '';
    try {
      const valid = validateOrder(order, this.#settings.limits);
      orderNo = valid.orderNo;
      const { activity, args } = planBuy(valid, this.#open, this.#settings.recordTtlMs);
      activityId = activity.activityId;
      const { keys } = activity;
      const { reply, replicas } = await this.#redis('buy', () =>
        this.#router.run(keys.tag, async (connection) => {
          const barrier = this.#barrier(connection);
          let mark = 0;
          const reply = await buyScript.run(
            connection,
            [keys.meta, keys.stock, keys.order(orderNo), keys.stream],
            args,
            () => {
              mark = barrier?.mark() ?? 0;
            },
          );
          const waits = barrier !== undefined && needsWait(reply);
          return { reply, replicas: waits ? await barrier.wait(mark) : 0 };
        }),
      );
      const admission = readBuyReply(reply, {
        activityId,
        orderNo,
        replicas,
        required: this.#settings.replicas,
      });
      if (admission.status === 'admitted') {
        this.events.emit('admitted', {
          activityId,
          orderNo,
          lines: admission.lines,
          replayed: admission.replayed,
          replicas,
          durationMs: performance.now() - started,
        });
      } else {
        this.events.emit('replicationShort', {
          activityId,
          orderNo,
          required: this.#settings.replicas,
          acknowledged: replicas,
        });
      }
      return admission;
    } catch (error) {
      const failure = isStockError(error)
        ? error
        : new StockError('STORE_UNAVAILABLE', String(error), { cause: error });
      if (this.events.wants('rejected')) {
        const reason =
          error instanceof FlashSaleRefusal
            ? error.reason
            : (REASON_OF_CODE[failure.code] ?? 'invalid');
        this.events.emit('rejected', {
          activityId,
          orderNo,
          reason,
          code: failure.code,
          message: failure.message,
        });
      }
      throw failure;
    }
  }

  /** The units Redis may still admit, per row of the activity. */
  async remaining(activityId: string): Promise<FlashSaleStock[]> {
    const keys = this.#context.keys(activityId);
    const reply = await this.#redis('remaining', () =>
      this.#router.run(keys.tag, (c) => c.call('hgetall', keys.stock)),
    );
    return readStock(reply);
  }

  /** How many admitted orders of the activity the writers have not settled yet. */
  async pending(activityId: string): Promise<number> {
    const keys = this.#context.keys(activityId);
    return Number(
      await this.#redis('pending', () =>
        this.#router.run(keys.tag, (c) => c.call('xlen', keys.stream)),
      ),
    );
  }

  /**
   * Sets the activity's Redis counters to what the database allows: for each row,
   * allocated minus sold in the database (0 once ended) minus the units admitted and not
   * yet written. That takes back units a failover gave Redis again (lost admissions the
   * database had already written, lost reconciles) and gives back units the database
   * freed (releases, expiries, orders it refused, dead letters). Emits `repaired` when a
   * counter changed.
   *
   * Precondition, kept by this package: the hand-off stream holds every admission not yet
   * settled (entries leave it only when a writer settles them, never by trimming), and
   * writers log what they settle while a reconcile runs. How it stays exact while buyers
   * and writers go on: it lists the orders in flight, asks the database which of them it
   * holds, then reads the activity, then, in one script, counts the units in flight
   * (without the orders the database held) and sets the counters. An order the database
   * writes in between can only be counted twice, which errs on the safe side (fewer
   * units to admit, given back by the next reconcile); it is never missed. Run it after a
   * failover, after releases or expiries, and on a schedule.
   *
   * An activity the database ended (`StockService.endActivity` without `close`) is closed
   * in Redis too: buys are refused as after `close`, and once its writers settled what is
   * in flight its keys expire after `retainMs`. A reconcile never extends that retention
   * and never recreates the keys of an ended activity that expired or was purged.
   *
   * @throws `StockError` `CONCURRENCY_CONFLICT` when another reconcile of the activity
   *   runs, `UNKNOWN_ACTIVITY`, `STORE_UNAVAILABLE`, `SCHEMA_MISSING` (no stock tables)
   */
  reconcile(activityId: string): Promise<FlashSaleReconciliation> {
    return this.#redis('reconcile', () => this.#reconciler.reconcile(activityId));
  }

  /**
   * A writer of the activity's hand-off stream (not started). Run at least one per
   * activity, on any app node; several share the work.
   */
  writer(activityId: string, options?: FlashSaleWriterOptions): FlashSaleWriter {
    return new FlashSaleWriter(this.#context, activityId, options ?? {});
  }

  /**
   * Ends a flash sale: stops admitting (the activity is `closed` in Redis, acknowledged
   * by the replicas), waits up to `drainTimeoutMs` until writers have settled every
   * admitted order, starts the retention of the activity's keys (they expire together
   * after `retainMs`), then ends the activity in the database, which returns the unsold
   * units to sellable stock. Returns how many.
   *
   * @throws `StockError` `STORE_UNAVAILABLE` when the close was not replicated or orders
   *   are still in flight after `drainTimeoutMs` (no writer running?): the activity stays
   *   closed in Redis and active in the database; call `close` again (the writer that
   *   settles the last order starts the retention meanwhile)
   */
  async close(activityId: string): Promise<number> {
    const keys = this.#context.keys(activityId);
    const replicas = await this.#redis('close', () =>
      this.#router.run(keys.tag, async (connection) => {
        const barrier = this.#barrier(connection);
        const mark = barrier?.mark() ?? 0;
        await connection.call('hset', keys.meta, 'state', 'closed');
        return barrier ? barrier.wait(mark) : 0;
      }),
    );
    if (replicas < this.#settings.replicas) {
      throw new StockError(
        'STORE_UNAVAILABLE',
        `closing "${activityId}" was acknowledged by ${replicas} of ${this.#settings.replicas} replicas; call close() again`,
      );
    }
    const deadline = Date.now() + this.#settings.drainTimeoutMs;
    for (;;) {
      const left = await this.pending(activityId);
      if (left === 0) break;
      if (Date.now() >= deadline) {
        throw new StockError(
          'STORE_UNAVAILABLE',
          `closing "${activityId}": ${left} admitted orders not written after ${this.#settings.drainTimeoutMs} ms; is a writer running?`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.#open.delete(activityId);
    await this.#redis('close', () =>
      this.#router.run(keys.tag, (c) =>
        retainScript.run(
          c,
          [keys.meta, keys.stock, keys.stream, keys.dead, keys.settledLog],
          [this.#settings.retainMs],
        ),
      ),
    );
    return this.#settings.service.endActivity(activityId);
  }

  /**
   * Deletes the keys of a finished activity now rather than `retainMs` after it finished:
   * its state, counters, hand-off stream and what a reconcile left. Then `open` can start
   * an activity of the same id afresh, and `remaining` answers `[]`. The order records are
   * left to expire after `recordTtlMs`. Refuses, deleting nothing, while anything could
   * still be lost: the activity must be closed in Redis (`close`, or `reconcile` after
   * the database ended it) with every admitted order settled, and it must have no dead
   * letters unless `dropDeadLetters`. Stop the activity's writers first (a writer of a
   * purged activity waits for it quietly). Returns how many keys it deleted (0 when
   * none were left).
   *
   * @throws `StockError` `INVALID_TRANSITION` when the activity is open, has admitted
   *   orders not yet settled, or has dead letters (and `dropDeadLetters` is not set);
   *   `CONCURRENCY_CONFLICT` while a reconcile of it runs; `INVALID_REQUEST` for an
   *   invalid id; `STORE_UNAVAILABLE` when Redis failed
   */
  async purge(activityId: string, options?: FlashSalePurgeOptions): Promise<number> {
    const keys = this.#context.keys(activityId);
    const dropDeadLetters = options?.dropDeadLetters ?? false;
    const reply = await this.#redis('purge', () =>
      this.#router.run(keys.tag, (c) =>
        purgeScript.run(
          c,
          [keys.meta, keys.stock, keys.stream, keys.dead, keys.settledLog, keys.reconciling],
          [dropDeadLetters ? 1 : 0],
        ),
      ),
    );
    const [kind, count] = Array.isArray(reply) ? reply : [];
    switch (kind) {
      case 'purged':
        this.#open.delete(activityId);
        return Number(count);
      case 'open':
        throw new StockError(
          'INVALID_TRANSITION',
          `activity "${activityId}" is open in Redis: close() it before purging`,
        );
      case 'pending':
        throw new StockError(
          'INVALID_TRANSITION',
          `activity "${activityId}" has ${String(count)} admitted orders not yet written to the database; run a writer until pending() is 0`,
        );
      case 'dead':
        throw new StockError(
          'INVALID_TRANSITION',
          `activity "${activityId}" has ${String(count)} dead-lettered orders (admitted, never written): settle them, then purge with dropDeadLetters`,
        );
      case 'reconciling':
        throw new StockError(
          'CONCURRENCY_CONFLICT',
          `a reconcile of activity "${activityId}" is running; purge it afterwards`,
        );
      default:
        throw new StockError(
          'STORE_UNAVAILABLE',
          `unexpected reply of the purge script: ${String(kind)}`,
        );
    }
  }

  #barrier(connection: FlashSaleConnection): ReplicaBarrier | undefined {
    if (this.#settings.replicas === 0) return undefined;
    let barrier = this.#barriers.get(connection);
    if (!barrier) {
      barrier = new ReplicaBarrier(
        connection,
        this.#settings.replicas,
        this.#settings.waitTimeoutMs,
      );
      this.#barriers.set(connection, barrier);
    }
    return barrier;
  }

  /** Runs a Redis step; any failure that is not a `StockError` becomes `STORE_UNAVAILABLE`. */
  async #redis<T>(what: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (isStockError(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new StockError('STORE_UNAVAILABLE', `${what}: Redis failed: ${reason}`, {
        cause: error,
      });
    }
  }
}

function first(reply: unknown): unknown {
  return Array.isArray(reply) ? reply[0] : undefined;
}
