import { EventHub } from '@mallkit/resilience';
import type { Kysely } from 'kysely';
import type { ActivityAllocation } from '../activities/ActivityAllocation.js';
import type { ActivityStock } from '../activities/ActivityStock.js';
import { allocateActivity } from '../activities/allocateActivity.js';
import { endActivity } from '../activities/endActivity.js';
import { readActivity } from '../activities/readActivity.js';
import { checkLowStock } from '../alerts/checkLowStock.js';
import type { AllocationOptions } from '../allocation/AllocationOptions.js';
import { defineSku } from '../catalog/defineSku.js';
import { defineWarehouse } from '../catalog/defineWarehouse.js';
import { SkuCatalog } from '../catalog/SkuCatalog.js';
import type { SkuInfo } from '../catalog/SkuInfo.js';
import type { SkuSettings, WarehouseSettings } from '../catalog/SkuSettings.js';
import { detectDialect } from '../dialect/detectDialect.js';
import type { SqlDialect } from '../dialect/SqlDialect.js';
import { StockError } from '../errors/StockError.js';
import type { StockEvents } from '../events/StockEvents.js';
import { sweepExpired } from '../expiry/sweepExpired.js';
import { Combiner } from '../hotrows/Combiner.js';
import { countStock } from '../levels/countStock.js';
import { restockStock } from '../levels/restockStock.js';
import type { PhysicalCount, Restock, SafetyLevel } from '../levels/StockAdjustment.js';
import { setSafetyStock } from '../levels/setSafetyStock.js';
import type { Order } from '../order/Order.js';
import { defaultOrderLimits } from '../order/OrderLimits.js';
import { deductOrder } from '../orders/deductOrder.js';
import type { OrderOutcome } from '../orders/OrderOutcome.js';
import type { RefundRequest } from '../orders/RefundRequest.js';
import { readOrder } from '../orders/readOrder.js';
import { refundOrder } from '../orders/refundOrder.js';
import { type Settlement, settleOrder } from '../orders/settleOrder.js';
import type { StockDatabase } from '../schema/StockDatabase.js';
import { conditionalUpdate } from '../strategies/conditionalUpdate.js';
import type { DeductionStrategy, StrategyName } from '../strategies/DeductionStrategy.js';
import { distributedLock } from '../strategies/distributedLock.js';
import { optimisticLock } from '../strategies/optimisticLock.js';
import { databaseFailure } from '../transactions/databaseFailure.js';
import { runTransaction } from '../transactions/runTransaction.js';
import type { StockTransaction } from '../transactions/StockTransaction.js';
import { queryStock } from './queryStock.js';
import type { StockContext } from './StockContext.js';
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
 * import assert from 'node:assert/strict';
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
 * assert.equal(order.status, 'reserved'); // held until paid, released, or expired
 * assert.equal((await stock.confirm(order.orderNo)).status, 'confirmed'); // on payment
 * const [view] = await stock.query(['phone-128']);
 * assert.deepEqual([view?.physical, view?.reserved, view?.sellable], [8, 0, 8]);
 * await db.destroy(); // the service never closes the database it was given
 * ```
 *
 * @group Stock service
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
  #allocation: NonNullable<StockServiceOptions['allocation']>;
  readonly #now: () => number;
  readonly #combiner: Combiner;
  readonly #context: StockContext;

  constructor(options: StockServiceOptions) {
    this.#db = options.db as Kysely<StockDatabase>;
    this.#dialect = detectDialect(options.db);
    this.#catalog = new SkuCatalog(
      this.#db,
      requireCount('catalogTtlMs', options.catalogTtlMs ?? 1000),
    );
    this.#ttlMs = requireCount('reservationTtlMs', options.reservationTtlMs ?? 30 * 60_000);
    this.#limits = { ...defaultOrderLimits, ...options.limits };
    this.#allocation = requireAllocation(options.allocation ?? {});
    this.#now = options.now ?? Date.now;
    this.#default = options.strategy ?? 'conditional';
    this.#combiner = new Combiner(this.#db, this.#dialect, options.combining);
    this.#context = {
      db: this.#db,
      dialect: this.#dialect,
      catalog: this.#catalog,
      events: this.events,
      now: this.#now,
      afterWrite: (skus) => this.#afterWrite(skus),
      locate: (sku, warehouse) => this.#locate(sku, warehouse),
      target: (info, warehouse) => this.#target(info, warehouse),
    };
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

  /** How orders are split over warehouses now (see {@link StockServiceOptions.allocation}). */
  get allocation(): AllocationOptions {
    return { ...this.#allocation };
  }

  /**
   * Changes how the orders that start from now on are split over warehouses (an admin
   * switching from priority to nearest-warehouse, say); orders in flight keep the plan
   * they started with.
   *
   * @throws `StockError` `INVALID_OPTION` for an unknown strategy
   */
  setAllocation(allocation: AllocationOptions): void {
    this.#allocation = requireAllocation(allocation);
  }

  /**
   * Reserves every line of the order, or nothing. Retrying with the same order
   * number returns the first outcome (`replayed: true`); the same number with
   * other lines throws `ORDER_CONFLICT`. Short stock throws `INSUFFICIENT_STOCK`
   * and writes nothing, so a later retry is evaluated afresh.
   */
  deduct(input: Order): Promise<OrderOutcome> {
    return this.#guard(() =>
      deductOrder(this.#context, input, {
        limits: this.#limits,
        ttlMs: this.#ttlMs,
        allocation: () => this.#allocation,
        strategyFor: (order, skus) => this.#strategyFor(order, skus),
        combiner: this.#combiner,
      }),
    );
  }

  /** Payment arrived: the reservation becomes a deduction of physical stock. Idempotent. */
  confirm(orderNo: string): Promise<OrderOutcome> {
    return this.#guard(() => this.#settle(orderNo, 'confirmed'));
  }

  /** Cancel: the reserved units go back to sellable stock. Idempotent; a confirmed order cannot be released. */
  release(orderNo: string): Promise<OrderOutcome> {
    return this.#guard(() => this.#settle(orderNo, 'released'));
  }

  /** Returns confirmed units to stock, once per `refundNo`. */
  refund(request: RefundRequest): Promise<OrderOutcome> {
    return this.#guard(() => this.#refund(request));
  }

  /** The order as stored, or `undefined` when its number was never deducted. */
  getOrder(orderNo: string): Promise<OrderOutcome | undefined> {
    return this.#guard(async () => (await readOrder(this.#db, orderNo))?.outcome);
  }

  /** Stock of the SKUs, per warehouse and summed; unknown SKUs throw `UNKNOWN_SKU`. */
  query(skus: readonly string[]): Promise<StockView[]> {
    return this.#guard(async () => {
      await this.#catalog.get(skus);
      return queryStock(this.#db, skus);
    });
  }

  /** Creates or updates a warehouse. */
  defineWarehouse(settings: WarehouseSettings): Promise<void> {
    return this.#guard(() => defineWarehouse(this.#context, settings));
  }

  /** Creates or updates a SKU's settings (shards, strategy, low-stock alert). */
  defineSku(settings: SkuSettings): Promise<void> {
    return this.#guard(() => defineSku(this.#context, settings));
  }

  /** Adds received units to physical stock, once per `receiptNo`. */
  restock(restock: Restock): Promise<void> {
    return this.#guard(() => restockStock(this.#context, restock));
  }

  /** Sets physical stock to a count from the warehouse system (an absolute value, so naturally idempotent). */
  setPhysical(count: PhysicalCount): Promise<void> {
    return this.#guard(() => countStock(this.#context, count));
  }

  /** Sets the units of a SKU kept back from sale in a warehouse. */
  setSafety(level: SafetyLevel): Promise<void> {
    return this.#guard(() => setSafetyStock(this.#context, level));
  }

  /** Sets units aside for a flash-sale activity, once per (activity, SKU, warehouse). */
  allocateActivity(allocation: ActivityAllocation): Promise<void> {
    return this.#guard(() => allocateActivity(this.#context, allocation));
  }

  /** The activity's rows (one per SKU and warehouse), as the database holds them; empty when unknown. */
  getActivity(activityId: string): Promise<ActivityStock[]> {
    return this.#guard(() => readActivity(this.#context, activityId));
  }

  /** Ends an activity; its unsold units go back to sellable stock. Returns how many. */
  endActivity(activityId: string): Promise<number> {
    return this.#guard(() => endActivity(this.#context, activityId));
  }

  /**
   * Releases reservations whose time ran out, up to `limit` of them, and
   * returns how many. Safe to run on several nodes at once: MySQL skips rows
   * another node is sweeping, and each release is a compare-and-set, so no
   * reservation is released twice.
   */
  sweepExpired(limit = 100): Promise<number> {
    return this.#guard(() => sweepExpired(this.#context, limit));
  }

  /**
   * Runs a call of the service; a failure of the database (or of anything else that is
   * not a `StockError`) becomes `SCHEMA_MISSING` or `STORE_UNAVAILABLE`, with the
   * original as `cause`, so every method rejects with a `StockError`.
   */
  async #guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw databaseFailure(this.#dialect, error);
    }
  }

  async #refund(request: RefundRequest): Promise<OrderOutcome> {
    requireName('orderNo', request?.orderNo);
    requireName('refundNo', request?.refundNo);
    if (!Array.isArray(request.lines) || request.lines.length === 0) {
      throw new StockError('INVALID_REQUEST', 'refund lines must list at least one line');
    }
    for (const line of request.lines) {
      requireName('lines.sku', line?.sku);
      requireCount('lines.quantity', line.quantity, 1);
    }
    const applied = await runTransaction(this.#db, this.#dialect, (trx) =>
      refundOrder(trx, this.#dialect, request, this.#now()),
    );
    if (applied) {
      this.events.emit('refunded', { orderNo: request.orderNo, refundNo: request.refundNo });
      await this.#afterWrite((await this.#catalog.get(request.lines.map((l) => l.sku))).values());
    }
    const outcome = (await this.getOrder(request.orderNo)) as OrderOutcome;
    return { ...outcome, replayed: !applied };
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

function requireAllocation(allocation: AllocationOptions): AllocationOptions {
  const { strategy, allowSplit } = allocation ?? {};
  if (strategy !== undefined && !['priority', 'nearest', 'mostStock'].includes(strategy)) {
    throw new StockError(
      'INVALID_OPTION',
      `allocation.strategy must be "priority", "nearest" or "mostStock", got ${JSON.stringify(strategy)}`,
    );
  }
  if (allowSplit !== undefined && typeof allowSplit !== 'boolean') {
    throw new StockError('INVALID_OPTION', 'allocation.allowSplit must be a boolean');
  }
  return { ...allocation };
}
