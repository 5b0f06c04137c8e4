import type { AllocationOptions } from '../allocation/AllocationOptions.js';
import type { SkuInfo } from '../catalog/SkuInfo.js';
import { isStockError, StockError } from '../errors/StockError.js';
import type { CombinedRequest } from '../hotrows/CombinedRequest.js';
import type { Combiner } from '../hotrows/Combiner.js';
import type { Order } from '../order/Order.js';
import type { OrderLimits } from '../order/OrderLimits.js';
import { validateOrder } from '../order/validateOrder.js';
import type { StockContext } from '../service/StockContext.js';
import type { DeductionStrategy } from '../strategies/DeductionStrategy.js';
import { databaseFailure } from '../transactions/databaseFailure.js';
import { runTransaction } from '../transactions/runTransaction.js';
import { fingerprint } from './fingerprint.js';
import type { OrderOutcome, ReservedPart } from './OrderOutcome.js';
import type { PlannedPart } from './PlannedPart.js';
import { planOrder } from './planOrder.js';
import { readOrder } from './readOrder.js';
import { reserveOrder } from './reserveOrder.js';
import { shippingWarehouseOf } from './shippingWarehouseOf.js';
import { OrderExists, ShortLine } from './signals.js';

/**
 * Reserves every line of the order, or nothing (`StockService.deduct`). A short line
 * re-plans over the SKU's other warehouses, up to three rounds; an order number seen
 * before is replayed (or is an `ORDER_CONFLICT` with other lines). A failure emits
 * `rejected` and throws as `databaseFailure` maps it.
 *
 * @param deduction.allocation - the service's allocation now, read at each round
 * @param deduction.strategyFor - the deduction strategy of the order's SKUs
 * @param deduction.combiner - where a single-line order of the `combining` strategy goes
 */
export async function deductOrder(
  ctx: StockContext,
  input: Order,
  deduction: {
    limits: Readonly<Required<OrderLimits>>;
    ttlMs: number;
    allocation: () => AllocationOptions;
    strategyFor: (order: Order, skus: ReadonlyMap<string, SkuInfo>) => DeductionStrategy;
    combiner: Combiner;
  },
): Promise<OrderOutcome> {
  const started = performance.now();
  let orderNo = typeof input?.orderNo === 'string' ? input.orderNo : '';
  try {
    const order = validateOrder(input, deduction.limits);
    orderNo = order.orderNo;
    const print = fingerprint(order.lines);
    const skus = await ctx.catalog.get(order.lines.map((l) => l.sku));
    await ctx.catalog.requireWarehouses(
      order.lines.flatMap((l) => (l.warehouse ? [l.warehouse] : [])),
    );
    const strategy = deduction.strategyFor(order, skus);
    for (let round = 0; ; round++) {
      const parts = await planOrder(ctx.db, order, skus, deduction.allocation());
      const now = ctx.now();
      const request = { orderNo, fingerprint: print, now, expiresAt: now + deduction.ttlMs };
      try {
        const reserved =
          strategy.name === 'combining' && parts.length === 1 && parts[0]?.activityId === undefined
            ? await combine(deduction.combiner, { ...request, ...(parts[0] as PlannedPart) })
            : undefined;
        const taken =
          reserved ??
          (await strategy.run(
            parts.map((p) => p.sku),
            (taker) =>
              runTransaction(ctx.db, ctx.dialect, (trx) =>
                reserveOrder(trx, ctx.dialect, taker, {
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
        if (ctx.events.wants('deducted')) {
          ctx.events.emit('deducted', { outcome, durationMs: performance.now() - started });
        }
        await ctx.afterWrite(skus.values());
        return outcome;
      } catch (error) {
        if (error instanceof OrderExists) return await replay(ctx, orderNo, print);
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
    // A retry of an order that went through is a replay, even once its SKU sold out:
    // the plan is refused before the insert that would have found the order.
    if (isStockError(error) && error.code === 'INSUFFICIENT_STOCK' && orderNo !== '') {
      const stored = await readOrder(ctx.db, orderNo).catch(() => undefined);
      if (stored)
        return replay(ctx, orderNo, fingerprint(validateOrder(input, deduction.limits).lines));
    }
    const failure = databaseFailure(ctx.dialect, error);
    if (ctx.events.wants('rejected')) {
      ctx.events.emit('rejected', { orderNo, code: failure.code, message: failure.message });
    }
    throw failure;
  }
}

/**
 * Hands a single-line order to the row's combiner; `undefined` sends it down
 * the normal path (a sharded SKU's order that did not fit the batch's shard).
 */
async function combine(
  combiner: Combiner,
  request: CombinedRequest,
): Promise<ReservedPart[] | undefined> {
  const result = await combiner.submit(request);
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

/** The stored outcome of an order number seen before, if it was deducted with the same lines. */
async function replay(ctx: StockContext, orderNo: string, print: string): Promise<OrderOutcome> {
  const stored = await readOrder(ctx.db, orderNo);
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
