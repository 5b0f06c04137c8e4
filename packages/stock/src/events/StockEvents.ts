import type { OrderOutcome } from '../orders/OrderOutcome.js';

/**
 * Typed events of a stock service, also published on `diagnostics_channel` as `mallkit:stock:<name>`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type StockEvents, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'phone-128' });
 * const log: string[] = [];
 * const onRejected = (e: StockEvents['rejected']) => log.push(`rejected ${e.orderNo}: ${e.code}`);
 * stock.events.on('restocked', (e) => log.push(`restocked ${e.sku} +${e.delta} (${e.reason})`));
 * stock.events.on('deducted', (e) => log.push(`deducted ${e.outcome.orderNo}`));
 * stock.events.on('released', (e) => log.push(`released ${e.orderNo} (${e.reason})`));
 * const off = stock.events.on('rejected', onRejected); // on() returns the remover
 *
 * const buy = (orderNo: string, quantity: number) =>
 *   stock.deduct({ orderNo, lines: [{ sku: 'phone-128', quantity }] }).catch(() => undefined);
 * await stock.restock({ sku: 'phone-128', warehouse: 'sh-1', quantity: 2, receiptNo: 'GRN-1' });
 * await buy('SO-1', 2);
 * await buy('SO-2', 1);
 * await stock.release('SO-1');
 * off();
 * await buy('SO-3', 9); // refused, but nobody listens to `rejected` any more
 * assert.deepEqual(log, [
 *   'restocked phone-128 +2 (restock)',
 *   'deducted SO-1',
 *   'rejected SO-2: INSUFFICIENT_STOCK',
 *   'released SO-1 (cancel)',
 * ]);
 * await db.destroy();
 * ```
 *
 * @group Events
 */
export interface StockEvents {
  /** An order's units were reserved (not emitted for replays). */
  deducted: {
    /** The order as reserved. */
    outcome: OrderOutcome;
    /** Time `deduct` took, in ms. */
    durationMs: number;
  };
  /** A deduction was refused: short stock, conflict, bad input or a store failure. */
  rejected: {
    /** The order number given, or `''` when it had none. */
    orderNo: string;
    /** The `StockError` code. */
    code: string;
    /** The error's message. */
    message: string;
  };
  /** A reservation was confirmed (paid). */
  confirmed: {
    /** The order number. */
    orderNo: string;
  };
  /** A reservation was released: cancelled by the caller or expired unpaid. */
  released: {
    /** The order number. */
    orderNo: string;
    /** `cancel` for `release()`, `expired` for the sweeper. */
    reason: 'cancel' | 'expired';
  };
  /** Confirmed units went back to stock. */
  refunded: {
    /** The order number. */
    orderNo: string;
    /** The refund's own number. */
    refundNo: string;
  };
  /** Physical stock changed from the warehouse side. */
  restocked: {
    /** The SKU. */
    sku: string;
    /** The warehouse. */
    warehouse: string;
    /** Units added (negative when a count came in lower). */
    delta: number;
    /** `restock` for a receipt, `count` for a physical count. */
    reason: 'restock' | 'count';
  };
  /** A physical count came in below what reservations and activities hold. */
  shortfall: {
    /** The SKU. */
    sku: string;
    /** The warehouse. */
    warehouse: string;
    /** The count. */
    physical: number;
    /** Units reserved for orders and set aside for activities. */
    held: number;
  };
  /** Sellable stock of a SKU fell to or below its threshold (once per crossing). */
  lowStock: {
    /** The SKU. */
    sku: string;
    /** Sellable units over all warehouses. */
    sellable: number;
    /** The SKU's threshold. */
    threshold: number;
  };
  /** Sellable stock is back above the SKU's clear level; the alert re-arms. */
  lowStockCleared: {
    /** The SKU. */
    sku: string;
    /** Sellable units over all warehouses. */
    sellable: number;
    /** The SKU's clear level. */
    clear: number;
  };
}
