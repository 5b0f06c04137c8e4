import { EventHub } from '@mallkit/resilience';
import type { Kysely } from 'kysely';
import type { ActivityAllocation } from '../activities/ActivityAllocation.js';
import type { ActivityStock } from '../activities/ActivityStock.js';
import { allocateActivityRows } from '../activities/allocateActivityRows.js';
import { endActivityRows } from '../activities/endActivityRows.js';
import { checkLowStock } from '../alerts/checkLowStock.js';
import { SkuCatalog } from '../catalog/SkuCatalog.js';
import type { SkuInfo } from '../catalog/SkuInfo.js';
import type { SkuSettings, WarehouseSettings } from '../catalog/SkuSettings.js';
import { detectDialect } from '../dialect/detectDialect.js';
import type { SqlDialect } from '../dialect/SqlDialect.js';
import { isStockError, StockError } from '../errors/StockError.js';
import type { StockEvents } from '../events/StockEvents.js';
import type { CombinedRequest } from '../hotrows/CombinedRequest.js';
import { Combiner } from '../hotrows/Combiner.js';
import { adjustRows } from '../levels/adjustRows.js';
import type { PhysicalCount, Restock, SafetyLevel } from '../levels/StockAdjustment.js';
import { spread } from '../levels/spread.js';
import { claimOperation } from '../operations/claimOperation.js';
import type { Order } from '../order/Order.js';
import { defaultOrderLimits } from '../order/OrderLimits.js';
import { validateOrder } from '../order/validateOrder.js';
import { fingerprint } from '../orders/fingerprint.js';
import type { OrderOutcome, ReservedPart } from '../orders/OrderOutcome.js';
import type { PlannedPart } from '../orders/PlannedPart.js';
import { planOrder } from '../orders/planOrder.js';
import type { RefundRequest } from '../orders/RefundRequest.js';
import { readOrder } from '../orders/readOrder.js';
import { refundOrder } from '../orders/refundOrder.js';
import { reserveOrder } from '../orders/reserveOrder.js';
import { type Settlement, settleOrder } from '../orders/settleOrder.js';
import { shippingWarehouseOf } from '../orders/shippingWarehouseOf.js';
import { OrderExists, ShortLine } from '../orders/signals.js';
import type { StockDatabase } from '../schema/StockDatabase.js';
import { conditionalUpdate } from '../strategies/conditionalUpdate.js';
import type { DeductionStrategy, StrategyName } from '../strategies/DeductionStrategy.js';
import { distributedLock } from '../strategies/distributedLock.js';
import { optimisticLock } from '../strategies/optimisticLock.js';
import { runTransaction } from '../transactions/runTransaction.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';
import { queryStock } from './queryStock.js';
import type { StockServiceOptions } from './StockServiceOptions.js';
import type { StockView } from './StockView.js';
import { requireCount, requireName } from './validateInput.js';

/**
 * The inventory: deduct at order time, confirm on payment, release on cancel
 * or expiry, refund after confirmation, restock and count from the warehouse
 * side, flash-sale activities. Every write is idempotent on its number (order,
 * refund, receipt, activity) and all-or-nothing.
 *
 * @example
 * ```ts
 * import { migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1', region: 'east' });
 * await stock.defineSku({ sku: 'phone-128' });
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 10, receiptNo: 'R-1' });
 * const order = await stock.deduct({ orderNo: 'SO-1', lines: [{ sku: 'phone-128', quantity: 2 }] });
 * await stock.confirm(order.orderNo);
 * ```
 */
export class StockService {
  /** Typed events, mirrored on `diagnostics_channel` as `mallkit:stock:<name>`. */
  readonly events = new EventHub<StockEvents>('mallkit:stock');
  readonly #db: Kysely<StockDatabase>;
  readonly #dialect: SqlDialect;
  readonly #catalog: SkuCatalog;
  readonly #strategies: Map<StrategyName, DeductionStrategy>;
  readonly #default: StrategyName;
  readonly #ttlMs: number;
  readonly #limits: Required<NonNullable<StockServiceOptions['limits']>>;
  readonly #allocation: NonNullable<StockServiceOptions['allocation']>;
  readonly #now: () => number;
  readonly #combiner: Combiner;

  constructor(options: StockServiceOptions) {
    this.#db = options.db as Kysely<StockDatabase>;
    this.#dialect = detectDialect(options.db);
    this.#catalog = new SkuCatalog(
      this.#db,
      requireCount('catalogTtlMs', options.catalogTtlMs ?? 1000),
    );
    this.#ttlMs = requireCount('reservationTtlMs', options.reservationTtlMs ?? 30 * 60_000);
    this.#limits = { ...defaultOrderLimits, ...options.limits };
    this.#allocation = options.allocation ?? {};
    this.#now = options.now ?? Date.now;
    this.#default = options.strategy ?? 'conditional';
    this.#combiner = new Combiner(this.#db, this.#dialect, options.combining);
    this.#strategies = new Map<StrategyName, DeductionStrategy>([
      ['conditional', conditionalUpdate],
      ['optimistic', optimisticLock(options.optimistic)],
      ['lock', distributedLock(options.lock)],
      ['combining', { ...conditionalUpdate, name: 'combining' }],
    ]);
    if (!this.#strategies.has(this.#default)) {
      throw new StockError('INVALID_OPTION', `strategy "${this.#default}" is not a SQL strategy`);
    }
  }

  /**
   * Reserves every line of the order, or nothing. Retrying with the same order
   * number returns the first outcome (`replayed: true`); the same number with
   * other lines throws `ORDER_CONFLICT`. Short stock throws `INSUFFICIENT_STOCK`
   * and writes nothing, so a later retry is evaluated afresh.
   */
  async deduct(input: Order): Promise<OrderOutcome> {
    const started = performance.now();
    let orderNo = typeof input?.orderNo === 'string' ? input.orderNo : '';
    try {
      const order = validateOrder(input, this.#limits);
      orderNo = order.orderNo;
      const print = fingerprint(order.lines);
      const skus = await this.#catalog.get(order.lines.map((l) => l.sku));
      await this.#catalog.requireWarehouses(
        order.lines.flatMap((l) => (l.warehouse ? [l.warehouse] : [])),
      );
      const strategy = this.#strategyFor(order, skus);
      for (let round = 0; ; round++) {
        const parts = await planOrder(this.#db, order, skus, this.#allocation);
        const now = this.#now();
        const request = { orderNo, fingerprint: print, now, expiresAt: now + this.#ttlMs };
        try {
          const reserved =
            strategy.name === 'combining' &&
            parts.length === 1 &&
            parts[0]?.activityId === undefined
              ? await this.#combine({ ...request, ...(parts[0] as PlannedPart) })
              : undefined;
          const taken =
            reserved ??
            (await strategy.run(
              parts.map((p) => p.sku),
              (taker) =>
                runTransaction(this.#db, this.#dialect, (trx) =>
                  reserveOrder(trx, this.#dialect, taker, {
                    ...request,
                    strategy: strategy.name,
                    parts,
                  }),
                ),
            ));
          const outcome: OrderOutcome = {
            orderNo,
            status: 'reserved',
            strategy: strategy.name,
            parts: taken,
            shippingWarehouse: shippingWarehouseOf(taken),
            expiresAt: request.expiresAt,
            replayed: false,
          };
          if (this.events.wants('deducted')) {
            this.events.emit('deducted', { outcome, durationMs: performance.now() - started });
          }
          await this.#afterWrite(skus.values());
          return outcome;
        } catch (error) {
          if (error instanceof OrderExists) return await this.#replay(orderNo, print);
          if (!(error instanceof ShortLine)) throw error;
          const planned = skus.get(error.sku) as SkuInfo;
          const pinned = order.lines.some((l) => l.sku === error.sku && l.warehouse !== undefined);
          if (round >= 2 || pinned || planned.warehouses.length <= 1) {
            throw new StockError(
              'INSUFFICIENT_STOCK',
              `SKU "${error.sku}" is short; nothing was deducted`,
            );
          }
        }
      }
    } catch (error) {
      const failure = isStockError(error)
        ? error
        : new StockError('STORE_UNAVAILABLE', String(error), { cause: error });
      if (this.events.wants('rejected')) {
        this.events.emit('rejected', { orderNo, code: failure.code, message: failure.message });
      }
      throw failure;
    }
  }

  /** Payment arrived: the reservation becomes a deduction of physical stock. Idempotent. */
  confirm(orderNo: string): Promise<OrderOutcome> {
    return this.#settle(orderNo, 'confirmed');
  }

  /** Cancel: the reserved units go back to sellable stock. Idempotent; a confirmed order cannot be released. */
  release(orderNo: string): Promise<OrderOutcome> {
    return this.#settle(orderNo, 'released');
  }

  /** Returns confirmed units to stock, once per `refundNo`. */
  async refund(request: RefundRequest): Promise<OrderOutcome> {
    requireName('orderNo', request?.orderNo);
    requireName('refundNo', request?.refundNo);
    if (!Array.isArray(request.lines) || request.lines.length === 0) {
      throw new StockError('INVALID_REQUEST', 'refund lines must list at least one line');
    }
    for (const line of request.lines) {
      requireName('lines.sku', line?.sku);
      requireCount('lines.quantity', line.quantity, 1);
    }
    await runTransaction(this.#db, this.#dialect, (trx) =>
      refundOrder(trx, this.#dialect, request, this.#now()),
    );
    this.events.emit('refunded', { orderNo: request.orderNo, refundNo: request.refundNo });
    await this.#afterWrite((await this.#catalog.get(request.lines.map((l) => l.sku))).values());
    return (await this.getOrder(request.orderNo)) as OrderOutcome;
  }

  /** The order as stored, or `undefined` when its number was never deducted. */
  async getOrder(orderNo: string): Promise<OrderOutcome | undefined> {
    return (await readOrder(this.#db, orderNo))?.outcome;
  }

  /** Stock of the SKUs, per warehouse and summed; unknown SKUs throw `UNKNOWN_SKU`. */
  async query(skus: readonly string[]): Promise<StockView[]> {
    await this.#catalog.get(skus);
    return queryStock(this.#db, skus);
  }

  /** Creates or updates a warehouse. */
  async defineWarehouse(settings: WarehouseSettings): Promise<void> {
    const code = requireName('code', settings?.code);
    const region = settings.region ?? '';
    const priority = Math.trunc(settings.priority ?? 0);
    await runTransaction(this.#db, this.#dialect, async (trx) => {
      const updated = await trx
        .updateTable('stock_warehouse')
        .set({ region, priority })
        .where('code', '=', code)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n)
        await trx.insertInto('stock_warehouse').values({ code, region, priority }).execute();
    });
    this.#catalog.forget();
  }

  /** Creates or updates a SKU's settings (shards, strategy, low-stock alert). */
  async defineSku(settings: SkuSettings): Promise<void> {
    const sku = requireName('sku', settings?.sku);
    const shards = requireCount('shards', settings.shards ?? 1, 1);
    const strategy = settings.strategy ?? null;
    if (strategy !== null && !this.#strategies.has(strategy)) {
      throw new StockError('INVALID_REQUEST', `strategy "${strategy}" is not a SQL strategy`);
    }
    const threshold = settings.lowStock
      ? requireCount('lowStock.threshold', settings.lowStock.threshold)
      : null;
    const clear = settings.lowStock
      ? requireCount('lowStock.clear', settings.lowStock.clear ?? threshold ?? 0)
      : null;
    await runTransaction(this.#db, this.#dialect, async (trx) => {
      const row = await trx
        .selectFrom('stock_sku')
        .select('shards')
        .where('sku', '=', sku)
        .executeTakeFirst();
      if (row && Number(row.shards) > shards) {
        throw new StockError(
          'INVALID_REQUEST',
          `SKU "${sku}" has ${row.shards} shards; shards can grow, not shrink`,
        );
      }
      const values = { shards, strategy, low_threshold: threshold, low_clear: clear };
      if (row) await trx.updateTable('stock_sku').set(values).where('sku', '=', sku).execute();
      else
        await trx
          .insertInto('stock_sku')
          .values({ sku, ...values, low_raised: 0 })
          .execute();
    });
    this.#catalog.forget(sku);
  }

  /** Adds received units to physical stock, once per `receiptNo`. */
  async restock(restock: Restock): Promise<void> {
    const quantity = requireCount('quantity', restock?.quantity, 1);
    const receiptNo = requireName('receiptNo', restock.receiptNo);
    const info = await this.#locate(restock.sku, restock.warehouse);
    let applied = false;
    await runTransaction(this.#db, this.#dialect, async (trx) => {
      const print = fingerprint({ sku: info.sku, warehouse: restock.warehouse, quantity });
      applied = await claimOperation(
        trx,
        this.#dialect,
        `receipt:${receiptNo}`,
        print,
        this.#now(),
      );
      if (!applied) return;
      await adjustRows(
        trx,
        this.#dialect,
        { ...this.#target(info, restock.warehouse), reason: 'restock', ref: receiptNo },
        'physical',
        (rows) => {
          const add = spread(
            quantity,
            rows.map(() => 0),
          );
          return rows.map((r, i) => r.physical + (add[i] as number));
        },
        this.#now(),
      );
    });
    if (applied)
      this.events.emit('restocked', {
        sku: info.sku,
        warehouse: restock.warehouse,
        delta: quantity,
        reason: 'restock',
      });
    await this.#afterWrite([info]);
  }

  /** Sets physical stock to a count from the warehouse system (an absolute value, so naturally idempotent). */
  async setPhysical(count: PhysicalCount): Promise<void> {
    const physical = requireCount('physical', count?.physical);
    const expected =
      count.expected === undefined ? undefined : requireCount('expected', count.expected);
    const info = await this.#locate(count.sku, count.warehouse);
    let delta = 0;
    let held = 0;
    await runTransaction(this.#db, this.#dialect, async (trx) => {
      const before = await adjustRows(
        trx,
        this.#dialect,
        { ...this.#target(info, count.warehouse), reason: 'count', ref: '' },
        'physical',
        (rows) => {
          const current = rows.reduce((n, r) => n + r.physical, 0);
          if (expected !== undefined && current !== expected) {
            throw new StockError(
              'CONCURRENCY_CONFLICT',
              `physical stock of "${info.sku}" in "${count.warehouse}" is ${current}, not the expected ${expected}; count not applied`,
            );
          }
          return spread(
            physical,
            rows.map((r) => r.reserved + r.safety + r.activity),
          );
        },
        this.#now(),
      );
      delta = physical - before.reduce((n, r) => n + r.physical, 0);
      held = before.reduce((n, r) => n + r.reserved + r.activity, 0);
    });
    this.#catalog.forget(info.sku);
    if (delta !== 0)
      this.events.emit('restocked', {
        sku: info.sku,
        warehouse: count.warehouse,
        delta,
        reason: 'count',
      });
    if (physical < held)
      this.events.emit('shortfall', { sku: info.sku, warehouse: count.warehouse, physical, held });
    await this.#afterWrite([info]);
  }

  /** Sets the units of a SKU kept back from sale in a warehouse. */
  async setSafety(level: SafetyLevel): Promise<void> {
    const safety = requireCount('safety', level?.safety);
    const info = await this.#locate(level.sku, level.warehouse);
    await runTransaction(this.#db, this.#dialect, (trx) =>
      adjustRows(
        trx,
        this.#dialect,
        { ...this.#target(info, level.warehouse), reason: 'safety', ref: '' },
        'safety',
        (rows) =>
          spread(
            safety,
            rows.map(() => 0),
          ),
        this.#now(),
      ),
    );
    await this.#afterWrite([info]);
  }

  /** Sets units aside for a flash-sale activity, once per (activity, SKU, warehouse). */
  async allocateActivity(allocation: ActivityAllocation): Promise<void> {
    const activityId = requireName('activityId', allocation?.activityId);
    const quantity = requireCount('quantity', allocation.quantity, 1);
    const info = await this.#locate(allocation.sku, allocation.warehouse);
    await runTransaction(this.#db, this.#dialect, (trx) =>
      allocateActivityRows(
        trx,
        this.#dialect,
        {
          activityId,
          sku: info.sku,
          warehouse: allocation.warehouse,
          quantity,
          shards: info.shards,
          strategy: allocation.strategy === 'redis' ? 'redis' : 'sql',
        },
        this.#now(),
      ),
    );
    await this.#afterWrite([info]);
  }

  /** The activity's rows (one per SKU and warehouse), as the database holds them; empty when unknown. */
  async getActivity(activityId: string): Promise<ActivityStock[]> {
    requireName('activityId', activityId);
    const rows = await this.#db
      .selectFrom('stock_activity')
      .selectAll()
      .where('activity_id', '=', activityId)
      .orderBy('sku')
      .orderBy('warehouse')
      .execute();
    return rows.map((r) => ({
      activityId: r.activity_id,
      sku: r.sku,
      warehouse: r.warehouse,
      allocated: Number(r.allocated),
      sold: Number(r.sold),
      status: r.status as ActivityStock['status'],
      strategy: r.strategy as ActivityStock['strategy'],
    }));
  }

  /** Ends an activity; its unsold units go back to sellable stock. Returns how many. */
  async endActivity(activityId: string): Promise<number> {
    requireName('activityId', activityId);
    const skus = await this.#db
      .selectFrom('stock_activity')
      .select('sku')
      .distinct()
      .where('activity_id', '=', activityId)
      .execute();
    if (skus.length === 0)
      throw new StockError('UNKNOWN_ACTIVITY', `unknown activity "${activityId}"`);
    const infos = await this.#catalog.get(skus.map((s) => s.sku));
    const returned = await runTransaction(this.#db, this.#dialect, (trx) =>
      endActivityRows(
        trx,
        this.#dialect,
        activityId,
        (sku) => infos.get(sku)?.shards ?? 1,
        this.#now(),
      ),
    );
    await this.#afterWrite(infos.values());
    return returned;
  }

  /**
   * Releases reservations whose time ran out, up to `limit` of them, and
   * returns how many. Safe to run on several nodes at once: MySQL skips rows
   * another node is sweeping, and each release is a compare-and-set, so no
   * reservation is released twice.
   */
  async sweepExpired(limit = 100): Promise<number> {
    const now = this.#now();
    const released = await runTransaction(this.#db, this.#dialect, async (trx) => {
      const due = await trx
        .selectFrom('stock_order')
        .select('order_no')
        .where('status', '=', 'reserved')
        .where('expires_at', '<=', now)
        .orderBy('expires_at')
        .limit(limit)
        .$if(this.#dialect.skipLocked, (q) => q.forUpdate().skipLocked())
        .execute();
      const done: string[] = [];
      for (const { order_no } of due)
        if (await settleOrder(trx, order_no, 'expired', now)) done.push(order_no);
      return done;
    });
    for (const orderNo of released) this.events.emit('released', { orderNo, reason: 'expired' });
    if (released.length > 0) this.#catalog.forget();
    return released.length;
  }

  async #settle(orderNo: string, to: Settlement): Promise<OrderOutcome> {
    requireName('orderNo', orderNo);
    const settled = await runTransaction(this.#db, this.#dialect, (trx: StockTransaction) =>
      settleOrder(trx, orderNo, to, this.#now()),
    );
    const stored = await readOrder(this.#db, orderNo);
    if (!stored) throw new StockError('ORDER_NOT_FOUND', `order "${orderNo}" was never deducted`);
    const status = stored.outcome.status;
    if (!settled) {
      const same = status === to || (to === 'released' && status === 'expired');
      if (!same) {
        throw new StockError(
          'INVALID_TRANSITION',
          `order "${orderNo}" is ${status}; it cannot be ${to}`,
        );
      }
      return stored.outcome;
    }
    if (to === 'confirmed') this.events.emit('confirmed', { orderNo });
    else this.events.emit('released', { orderNo, reason: 'cancel' });
    if (to !== 'confirmed')
      await this.#afterWrite(
        (await this.#catalog.get([...new Set(stored.outcome.parts.map((p) => p.sku))])).values(),
      );
    return { ...stored.outcome, replayed: false };
  }

  /**
   * Hands a single-line order to the row's combiner; `undefined` sends it down
   * the normal path (a sharded SKU's order that did not fit the batch's shard).
   */
  async #combine(request: CombinedRequest): Promise<ReservedPart[] | undefined> {
    const result = await this.#combiner.submit(request);
    if (result.kind === 'exists') throw new OrderExists(request.orderNo);
    if (result.kind === 'short') throw new ShortLine(request.sku, request.warehouse);
    if (result.kind === 'alone') return undefined;
    return [
      {
        sku: request.sku,
        warehouse: request.warehouse,
        shard: result.shard,
        quantity: request.quantity,
        refunded: 0,
      },
    ];
  }

  async #replay(orderNo: string, print: string): Promise<OrderOutcome> {
    const stored = await readOrder(this.#db, orderNo);
    if (!stored)
      throw new StockError('STORE_UNAVAILABLE', `order "${orderNo}" vanished during replay`);
    if (stored.fingerprint !== print) {
      throw new StockError(
        'ORDER_CONFLICT',
        `order "${orderNo}" was deducted before with different lines`,
      );
    }
    return stored.outcome;
  }

  #strategyFor(order: Order, skus: ReadonlyMap<string, SkuInfo>): DeductionStrategy {
    const named = new Set(order.lines.map((l) => skus.get(l.sku)?.strategy ?? this.#default));
    const name = named.size === 1 ? ([...named][0] as StrategyName) : this.#default;
    return this.#strategies.get(name) ?? conditionalUpdate;
  }

  async #locate(sku: unknown, warehouse: unknown): Promise<SkuInfo> {
    const info = (await this.#catalog.get([requireName('sku', sku)])).get(sku as string) as SkuInfo;
    await this.#catalog.requireWarehouses([requireName('warehouse', warehouse)]);
    return info;
  }

  #target(info: SkuInfo, warehouse: string) {
    if (!info.warehouses.includes(warehouse)) this.#catalog.forget(info.sku);
    return { sku: info.sku, warehouse, shards: info.shards };
  }

  /** Low-stock check after a committed write; its failure never fails the write (the next one re-checks). */
  async #afterWrite(skus: Iterable<SkuInfo>): Promise<void> {
    await checkLowStock(this.#db, skus, this.events).catch(() => undefined);
  }
}
