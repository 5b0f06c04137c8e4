/**
 * Where an order stands.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type OrderStatus, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * let now = Date.parse('2025-11-11T00:00:00Z');
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db, reservationTtlMs: 60_000, now: () => now });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'mug' });
 * await stock.restock({ sku: 'mug', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * const buy = (orderNo: string) => stock.deduct({ orderNo, lines: [{ sku: 'mug', quantity: 1 }] });
 * const statusOf = async (orderNo: string): Promise<OrderStatus | undefined> =>
 *   (await stock.getOrder(orderNo))?.status;
 *
 * await buy('SO-1');
 * assert.equal(await statusOf('SO-1'), 'reserved');
 * await stock.confirm('SO-1');
 * assert.equal(await statusOf('SO-1'), 'confirmed');
 * await stock.refund({ orderNo: 'SO-1', refundNo: 'RF-1', lines: [{ sku: 'mug', quantity: 1 }] });
 * assert.equal(await statusOf('SO-1'), 'refunded'); // every unit came back
 * await buy('SO-2');
 * await stock.release('SO-2');
 * assert.equal(await statusOf('SO-2'), 'released');
 * await buy('SO-3');
 * now += 60_000;
 * await stock.sweepExpired();
 * assert.equal(await statusOf('SO-3'), 'expired');
 * await db.destroy();
 * ```
 *
 * @group Orders
 */
export type OrderStatus = 'reserved' | 'confirmed' | 'released' | 'expired' | 'refunded';

/**
 * Units of one order line taken from one stock row.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type ReservedPart, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * for (const sku of ['tv-55', 'bracket']) {
 *   await stock.defineSku({ sku });
 *   await stock.restock({ sku, warehouse: 'sh-1', quantity: 10, receiptNo: `GRN-${sku}` });
 * }
 * await stock.allocateActivity({ activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 5 });
 * const lines = [
 *   { sku: 'tv-55', quantity: 1, activityId: 'D11' },
 *   { sku: 'bracket', quantity: 2 },
 * ];
 * await stock.deduct({ orderNo: 'SO-1', lines });
 * await stock.confirm('SO-1');
 * await stock.refund({ orderNo: 'SO-1', refundNo: 'RF-1', lines: [{ sku: 'bracket', quantity: 1 }] });
 *
 * const parts: ReservedPart[] = (await stock.getOrder('SO-1'))?.parts ?? [];
 * assert.deepEqual(parts, [
 *   { sku: 'bracket', warehouse: 'sh-1', shard: 0, quantity: 2, refunded: 1 },
 *   { sku: 'tv-55', warehouse: 'sh-1', shard: 0, quantity: 1, refunded: 0, activityId: 'D11' },
 * ]);
 * await db.destroy();
 * ```
 *
 * @group Orders
 */
export interface ReservedPart {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Shard of the SKU's stock row the units came from (0 when the SKU is not sharded). */
  shard: number;
  /** Units, a positive integer. */
  quantity: number;
  /** Units of this part refunded so far. */
  refunded: number;
  /** The flash-sale activity the units came from, when any. */
  activityId?: string;
}

/**
 * The result of `deduct`, `confirm`, `release` and `refund`: the order as stored.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type OrderOutcome, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const now = Date.parse('2025-11-11T00:00:00Z');
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db, reservationTtlMs: 15 * 60_000, now: () => now });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 *
 * const order = { orderNo: 'SO-1', lines: [{ sku: 'phone-128', quantity: 2 }] };
 * const outcome: OrderOutcome = await stock.deduct(order);
 * assert.deepEqual(outcome, {
 *   orderNo: 'SO-1',
 *   status: 'reserved',
 *   strategy: 'conditional',
 *   parts: [{ sku: 'phone-128', warehouse: 'sh-1', shard: 0, quantity: 2, refunded: 0 }],
 *   shippingWarehouse: 'sh-1',
 *   expiresAt: now + 15 * 60_000, // pay within 15 minutes
 *   replayed: false,
 * });
 * assert.equal((await stock.deduct(order)).replayed, true); // a retry: the first outcome
 * const paid = await stock.confirm('SO-1');
 * assert.deepEqual([paid.status, paid.expiresAt, paid.replayed], ['confirmed', null, false]);
 * await db.destroy();
 * ```
 *
 * @group Orders
 */
export interface OrderOutcome {
  /** The order's unique sequence number. */
  orderNo: string;
  /** Where it stands. */
  status: OrderStatus;
  /** The strategy that deducted it. */
  strategy: string;
  /** Every part, sorted by SKU, warehouse and shard. */
  parts: ReservedPart[];
  /** The warehouse that ships most of the order's units. */
  shippingWarehouse: string;
  /** When the reservation is released unless confirmed (epoch ms); `null` once settled. */
  expiresAt: number | null;
  /**
   * `true` when this call changed nothing because an earlier call with the same
   * number already did it: the outcome is that first one's.
   */
  replayed: boolean;
}
