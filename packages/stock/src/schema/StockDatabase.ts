import type { Generated } from 'kysely';

/**
 * One row per SKU: its settings, as `defineSku` writes them (table `stock_sku`).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type SkuTable, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * const lowStock = { threshold: 5 };
 * await stock.defineSku({ sku: 'tv-55', shards: 4, strategy: 'combining', lowStock });
 *
 * const row: SkuTable | undefined = await db
 *   .selectFrom('stock_sku')
 *   .selectAll()
 *   .where('sku', '=', 'tv-55')
 *   .executeTakeFirst();
 * assert.deepEqual(row && [row.shards, row.strategy, row.low_threshold, row.low_clear], [
 *   4, 'combining', 5, 5, // the alert clears where it was raised unless told otherwise
 * ]);
 * assert.equal(row?.low_raised, 0);
 * await db.destroy();
 * ```
 *
 * @group Schema
 */
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

/**
 * One row per warehouse, as `defineWarehouse` writes it (table `stock_warehouse`).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, StockService, type WarehouseTable } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1', region: 'east', priority: 2 });
 * await stock.defineWarehouse({ code: 'bj-1', region: 'north', priority: 1 });
 *
 * const rows: WarehouseTable[] = await db
 *   .selectFrom('stock_warehouse')
 *   .selectAll()
 *   .orderBy('priority')
 *   .execute();
 * assert.deepEqual(rows.map((w) => `${w.code}/${w.region}`), ['bj-1/north', 'sh-1/east']);
 * await db.destroy();
 * ```
 *
 * @group Schema
 */
export interface WarehouseTable {
  /** Warehouse code, unique. */
  code: string;
  /** Region of the warehouse. */
  region: string;
  /** Lower is preferred by the priority split strategy. */
  priority: number;
}

/**
 * Stock of one SKU in one warehouse (one shard of it), table `stock_level`.
 * Sellable is derived: `physical - reserved - safety - activity`.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type LevelTable, migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55', shards: 2 }); // two rows per warehouse
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * await stock.setSafety({ sku: 'tv-55', warehouse: 'sh-1', safety: 2 });
 *
 * const rows: LevelTable[] = await db
 *   .selectFrom('stock_level')
 *   .selectAll()
 *   .where('sku', '=', 'tv-55')
 *   .orderBy('shard')
 *   .execute();
 * assert.deepEqual(rows.map((r) => [r.shard, r.physical, r.safety]), [[0, 5, 1], [1, 5, 1]]);
 * const sellable = rows.reduce((n, r) => n + r.physical - r.reserved - r.safety - r.activity, 0);
 * assert.equal(sellable, (await stock.query(['tv-55']))[0]?.sellable); // 8
 * await db.destroy();
 * ```
 *
 * @group Schema
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

/**
 * The reservation: one row per order, the idempotency record of `deduct` (table
 * `stock_order`).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type OrderTable, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const now = Date.parse('2025-11-11T00:00:00Z');
 * const stock = new StockService({ db, reservationTtlMs: 15 * 60_000, now: () => now });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * await stock.deduct({ orderNo: 'SO-1', lines: [{ sku: 'tv-55', quantity: 1 }] });
 * const order = () =>
 *   db.selectFrom('stock_order').selectAll().where('order_no', '=', 'SO-1').executeTakeFirst();
 *
 * const reserved: OrderTable | undefined = await order();
 * assert.deepEqual(reserved && [reserved.status, reserved.strategy], ['reserved', 'conditional']);
 * assert.equal(reserved?.expires_at, now + 15 * 60_000); // when the sweeper may release it
 * await stock.confirm('SO-1');
 * const paid = await order();
 * assert.deepEqual(paid && [paid.status, paid.expires_at], ['confirmed', null]);
 * await db.destroy();
 * ```
 *
 * @group Schema
 */
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

/**
 * The deduction log: one row per order line part, unique on (order, SKU, warehouse, shard)
 * (table `stock_deduction`). `confirm`, `release` and `refund` work from it.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type DeductionTable, migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1', priority: 1 });
 * await stock.defineWarehouse({ code: 'bj-1', priority: 2 });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 2, receiptNo: 'GRN-1' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'bj-1', quantity: 5, receiptNo: 'GRN-2' });
 * await stock.deduct({ orderNo: 'SO-1', lines: [{ sku: 'tv-55', quantity: 3 }] }); // split
 * await stock.confirm('SO-1');
 * const lines = [{ sku: 'tv-55', quantity: 1 }];
 * await stock.refund({ orderNo: 'SO-1', refundNo: 'RF-1', lines });
 *
 * const parts: DeductionTable[] = await db
 *   .selectFrom('stock_deduction')
 *   .selectAll()
 *   .where('order_no', '=', 'SO-1')
 *   .orderBy('warehouse')
 *   .execute();
 * assert.deepEqual(parts.map((p) => [p.warehouse, p.quantity]), [['bj-1', 1], ['sh-1', 2]]);
 * assert.equal(parts.reduce((n, p) => n + p.refunded, 0), 1);
 * await db.destroy();
 * ```
 *
 * @group Schema
 */
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

/**
 * Append-only ledger: every movement with its reason, order and the row's values after it
 * (table `stock_ledger`). Its deltas of a row add up to the row.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type LedgerTable, migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 * import type { Selectable } from 'kysely';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * await stock.deduct({ orderNo: 'SO-1', lines: [{ sku: 'tv-55', quantity: 3 }] });
 * await stock.confirm('SO-1');
 *
 * const entries: Selectable<LedgerTable>[] = await db
 *   .selectFrom('stock_ledger')
 *   .selectAll()
 *   .where('sku', '=', 'tv-55')
 *   .orderBy('id')
 *   .execute();
 * const moves = entries.map((e) => [e.reason, e.ref, e.d_physical, e.d_reserved]);
 * assert.deepEqual(moves, [
 *   ['restock', 'GRN-1', 10, 0],
 *   ['deduct', 'SO-1', 0, 3],
 *   ['confirm', 'SO-1', -3, -3],
 * ]);
 * assert.deepEqual(entries.map((e) => e.physical_after), [10, 10, 7]); // the row after each
 * await db.destroy();
 * ```
 *
 * @group Schema
 */
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

/**
 * A flash-sale allocation of one SKU in one warehouse (table `stock_activity`).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type ActivityTable, migrateStock, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 * const pool = { activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 4 };
 * await stock.allocateActivity(pool); // 4 units set aside for the flash sale D11
 * const line = { sku: 'tv-55', quantity: 1, activityId: 'D11' }; // served from the pool
 * await stock.deduct({ orderNo: 'FS-1', lines: [line] });
 * const activity = () =>
 *   db.selectFrom('stock_activity').selectAll().where('activity_id', '=', 'D11').execute();
 *
 * const rows: ActivityTable[] = await activity();
 * assert.deepEqual(rows.map((a) => [a.allocated, a.sold, a.status, a.strategy]), [
 *   [4, 1, 'active', 'sql'],
 * ]);
 * assert.equal(await stock.endActivity('D11'), 3); // unsold units back to sellable stock
 * assert.equal((await activity())[0]?.status, 'ended');
 * await db.destroy();
 * ```
 *
 * @group Schema
 */
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

/**
 * Idempotency record of writes that are not `deduct`: refunds, restocks, activity changes
 * (table `stock_operation`).
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { migrateStock, type OperationTable, StockService } from '@mallkit/stock';
 * import { openSqliteStock } from '@mallkit/stock/sqlite';
 *
 * const db = openSqliteStock();
 * await migrateStock(db);
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * const receipt = { sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' };
 * await stock.restock(receipt);
 * await stock.restock(receipt); // delivered twice, applied once: the record exists
 * await assert.rejects(stock.restock({ ...receipt, quantity: 11 }), { code: 'ORDER_CONFLICT' });
 * const activity = { activityId: 'D11', sku: 'tv-55', warehouse: 'sh-1', quantity: 2 };
 * await stock.allocateActivity(activity);
 * await stock.allocateActivity(activity); // once per activity, SKU and warehouse
 *
 * const records: OperationTable[] = await db
 *   .selectFrom('stock_operation')
 *   .selectAll()
 *   .orderBy('op_key')
 *   .execute();
 * assert.deepEqual(records.map((r) => r.op_key), ['activity:D11:tv-55:sh-1', 'receipt:GRN-1']);
 * assert.equal((await stock.query(['tv-55']))[0]?.physical, 10);
 * await db.destroy();
 * ```
 *
 * @group Schema
 */
export interface OperationTable {
  /** Idempotency key: `refund:<no>`, `receipt:<no>` or `activity:<id>:<sku>:<warehouse>`. */
  op_key: string;
  /** Hash of the content first written under the key. */
  fingerprint: string;
  /** When it was written (epoch ms). */
  created_at: number;
}

/**
 * The tables @mallkit/stock creates, by name: the schema of the `Kysely` that
 * `openSqliteStock` returns. Extend it with your own tables to query both with one
 * instance, on MySQL (`new Kysely<ShopDatabase>({ dialect: new MysqlDialect(…) })`) as on
 * SQLite.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { DatabaseSync } from 'node:sqlite';
 * import { migrateStock, type StockDatabase, StockService } from '@mallkit/stock';
 * import { NodeSqliteDatabase } from '@mallkit/stock/sqlite';
 * import { Kysely, SqliteDialect } from 'kysely';
 *
 * interface ShopDatabase extends StockDatabase {
 *   product: { sku: string; title: string }; // a table of your own beside the stock_* ones
 * }
 * const database = new NodeSqliteDatabase(new DatabaseSync(':memory:'));
 * const db = new Kysely<ShopDatabase>({ dialect: new SqliteDialect({ database }) });
 * await migrateStock(db);
 * await db.schema
 *   .createTable('product')
 *   .addColumn('sku', 'text')
 *   .addColumn('title', 'text')
 *   .execute();
 * await db.insertInto('product').values({ sku: 'tv-55', title: '55-inch TV' }).execute();
 * const stock = new StockService({ db });
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku: 'tv-55' });
 * await stock.restock({ sku: 'tv-55', warehouse: 'sh-1', quantity: 10, receiptNo: 'GRN-1' });
 *
 * const report = await db
 *   .selectFrom('product')
 *   .innerJoin('stock_level', 'stock_level.sku', 'product.sku')
 *   .select(['product.title', 'stock_level.warehouse', 'stock_level.physical'])
 *   .execute(); // typed columns of both schemas
 * const rows = report.map((r) => [r.title, r.warehouse, r.physical]);
 * assert.deepEqual(rows, [['55-inch TV', 'sh-1', 10]]);
 * await db.destroy();
 * ```
 *
 * @group Schema
 */
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
