import type { Generated } from 'kysely';

/** One row per SKU: its settings. */
export interface SkuTable {
  sku: string;
  /** How many rows (and Redis keys) one warehouse's stock of this SKU is split into. */
  shards: number;
  /** Deduction strategy for this SKU; `null` uses the service default. */
  strategy: string | null;
  /** Low-stock alert fires when sellable drops to or below this; `null` disables it. */
  low_threshold: number | null;
  /** The alert re-arms once sellable is back above this (hysteresis). */
  low_clear: number | null;
  /** Whether the low-stock alert is currently raised. */
  low_raised: number;
}

/** One row per warehouse. */
export interface WarehouseTable {
  code: string;
  region: string;
  /** Lower is preferred by the priority split strategy. */
  priority: number;
}

/**
 * Stock of one SKU in one warehouse (one shard of it).
 * Sellable is derived: `physical - reserved - safety - activity`.
 */
export interface LevelTable {
  sku: string;
  warehouse: string;
  shard: number;
  /** Units on hand in the warehouse. */
  physical: number;
  /** Units pre-occupied by orders not yet confirmed. */
  reserved: number;
  /** Units kept back from sale. */
  safety: number;
  /** Units set aside for running flash-sale activities and not yet sold. */
  activity: number;
  /** Bumped by every change; the optimistic-lock strategy compares it. */
  version: number;
  /** Highest fencing token that wrote this row (distributed-lock strategy). */
  fence: number;
}

/** The reservation: one row per order, the idempotency record of `deduct`. */
export interface OrderTable {
  order_no: string;
  /** Hash of the order's normalised lines; a retry with other lines is a conflict. */
  fingerprint: string;
  status: string;
  strategy: string;
  created_at: number;
  /** When an unpaid reservation is released; `null` once confirmed or released. */
  expires_at: number | null;
  updated_at: number;
}

/** The deduction log: one row per order line part, unique on (order, SKU, warehouse, shard). */
export interface DeductionTable {
  order_no: string;
  sku: string;
  warehouse: string;
  shard: number;
  quantity: number;
  /** Units of this part refunded after confirmation. */
  refunded: number;
  /** Flash-sale activity the units came from, or `''`. */
  activity_id: string;
}

/** Append-only ledger: every movement with its reason, order and the row's values after it. */
export interface LedgerTable {
  id: Generated<number>;
  sku: string;
  warehouse: string;
  shard: number;
  reason: string;
  /** Order number, refund number or receipt the movement belongs to, or `''`. */
  ref: string;
  d_physical: number;
  d_reserved: number;
  d_safety: number;
  d_activity: number;
  physical_after: number;
  reserved_after: number;
  safety_after: number;
  activity_after: number;
  at: number;
}

/** A flash-sale allocation of one SKU in one warehouse. */
export interface ActivityTable {
  activity_id: string;
  sku: string;
  warehouse: string;
  /** Units set aside when the activity started. */
  allocated: number;
  /** Units sold (reserved or confirmed) from it. */
  sold: number;
  status: string;
  strategy: string;
}

/** Idempotency record of writes that are not `deduct`: refunds, restocks, activity changes. */
export interface OperationTable {
  op_key: string;
  fingerprint: string;
  result: string;
  created_at: number;
}

/** The tables @mallkit/stock creates, by name. */
export interface StockDatabase {
  stock_sku: SkuTable;
  stock_warehouse: WarehouseTable;
  stock_level: LevelTable;
  stock_order: OrderTable;
  stock_deduction: DeductionTable;
  stock_ledger: LedgerTable;
  stock_activity: ActivityTable;
  stock_operation: OperationTable;
}
