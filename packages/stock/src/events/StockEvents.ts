import type { OrderOutcome } from '../orders/OrderOutcome.js';

/** Typed events of a stock service, also published on `diagnostics_channel` as `mallkit:stock:<name>`. */
export interface StockEvents {
  /** An order's units were reserved (not emitted for replays). */
  deducted: { outcome: OrderOutcome; durationMs: number };
  /** A deduction was refused: short stock, conflict, bad input or a store failure. */
  rejected: { orderNo: string; code: string; message: string };
  /** A reservation was confirmed (paid). */
  confirmed: { orderNo: string };
  /** A reservation was released: cancelled by the caller or expired unpaid. */
  released: { orderNo: string; reason: 'cancel' | 'expired' };
  /** Confirmed units went back to stock. */
  refunded: { orderNo: string; refundNo: string };
  /** Physical stock changed from the warehouse side. */
  restocked: { sku: string; warehouse: string; delta: number; reason: 'restock' | 'count' };
  /** A physical count came in below what reservations and activities hold. */
  shortfall: { sku: string; warehouse: string; physical: number; held: number };
  /** Sellable stock of a SKU fell to or below its threshold (once per crossing). */
  lowStock: { sku: string; sellable: number; threshold: number };
  /** Sellable stock is back above the SKU's clear level; the alert re-arms. */
  lowStockCleared: { sku: string; sellable: number; clear: number };
}
