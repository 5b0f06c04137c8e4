import type { Generated } from 'kysely';

/** One row per SKU: its settings. */
export interface SkuTable {
  /** The SKU. */
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
  /** Warehouse code, unique. */
  code: string;
  /** Region of the warehouse. */
  region: string;
  /** Lower is preferred by the priority split strategy. */
  priority: number;
}

/**
 * Stock of one SKU in one warehouse (one shard of it).
 * Sellable is derived: `physical - reserved - safety - activity`.
 */
export interface LevelTable {
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Shard of the SKU's stock row (0 when the SKU is not sharded). */
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
  /** The order's unique sequence number. */
  order_no: string;
  /** Hash of the order's normalised lines; a retry with other lines is a conflict. */
  fingerprint: string;
  /** Where it stands. */
  status: string;
  /** Deduction strategy that applied it. */
  strategy: string;
  /** When it was written (epoch ms). */
  created_at: number;
  /** When an unpaid reservation is released; `null` once confirmed or released. */
  expires_at: number | null;
  /** When it last changed (epoch ms). */
  updated_at: number;
}

/** The deduction log: one row per order line part, unique on (order, SKU, warehouse, shard). */
export interface DeductionTable {
  /** The order's unique sequence number. */
  order_no: string;
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Shard of the SKU's stock row (0 when the SKU is not sharded). */
  shard: number;
  /** Units, a positive integer. */
  quantity: number;
  /** Units of this part refunded after confirmation. */
  refunded: number;
  /** Flash-sale activity the units came from, or `''`. */
  activity_id: string;
}

/** Append-only ledger: every movement with its reason, order and the row's values after it. */
export interface LedgerTable {
  /** Sequence number of the entry. */
  id: Generated<number>;
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Shard of the SKU's stock row (0 when the SKU is not sharded). */
  shard: number;
  /** Why the row moved: `deduct`, `confirm`, `release`, `expire`, `refund`, `restock`, `count`, `safety` or `activity`. */
  reason: string;
  /** Order number, refund number or receipt the movement belongs to, or `''`. */
  ref: string;
  /** Change of physical units. */
  d_physical: number;
  /** Change of reserved units. */
  d_reserved: number;
  /** Change of safety units. */
  d_safety: number;
  /** Change of activity units. */
  d_activity: number;
  /** Physical units after the move. */
  physical_after: number;
  /** Reserved units after the move. */
  reserved_after: number;
  /** Safety units after the move. */
  safety_after: number;
  /** Activity units after the move. */
  activity_after: number;
  /** When it happened (epoch ms). */
  at: number;
}

/** A flash-sale allocation of one SKU in one warehouse. */
export interface ActivityTable {
  /** The flash-sale activity. */
  activity_id: string;
  /** The SKU. */
  sku: string;
  /** Warehouse code. */
  warehouse: string;
  /** Units set aside when the activity started. */
  allocated: number;
  /** Units sold (reserved or confirmed) from it. */
  sold: number;
  /** Where it stands. */
  status: string;
  /** Deduction strategy that applied it. */
  strategy: string;
}

/** Idempotency record of writes that are not `deduct`: refunds, restocks, activity changes. */
export interface OperationTable {
  /** Idempotency key: `refund:<no>`, `receipt:<no>` or `activity:<id>:<sku>:<warehouse>`. */
  op_key: string;
  /** Hash of the content first written under the key. */
  fingerprint: string;
  /** When it was written (epoch ms). */
  created_at: number;
}

/** The tables @mallkit/stock creates, by name. */
export interface StockDatabase {
  /** SKUs and their settings. */
  stock_sku: SkuTable;
  /** Warehouses. */
  stock_warehouse: WarehouseTable;
  /** Stock per SKU, warehouse and shard. */
  stock_level: LevelTable;
  /** Reservations, one per order. */
  stock_order: OrderTable;
  /** The deduction log, one row per order part. */
  stock_deduction: DeductionTable;
  /** Every movement, append-only. */
  stock_ledger: LedgerTable;
  /** Flash-sale allocations. */
  stock_activity: ActivityTable;
  /** Idempotency records of refunds, receipts and activity changes. */
  stock_operation: OperationTable;
}
