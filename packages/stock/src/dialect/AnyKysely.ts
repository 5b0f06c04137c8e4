import type { Kysely } from 'kysely';

/**
 * A kysely instance typed for any schema: the application's own, as passed to @mallkit/stock.
 *
 * @example
 * ```ts
 * import assert from 'node:assert/strict';
 * import { type AnyKysely, migrateStock, StockService } from '@mallkit/stock';
 * import { Kysely, MysqlDialect } from 'kysely';
 * import { createPool } from 'mysql2';
 *
 * // a start-up helper of your own takes whatever Kysely your application has
 * async function openStock(db: AnyKysely): Promise<StockService> {
 *   await migrateStock(db);
 *   return new StockService({ db });
 * }
 *
 * interface ShopDatabase {
 *   product: { sku: string; title: string }; // your schema: it need not name the stock_* tables
 * }
 * const url = process.env['MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test';
 * const pool = createPool({ uri: url, connectionLimit: 4 });
 * const db = new Kysely<ShopDatabase>({ dialect: new MysqlDialect({ pool }) });
 * const stock = await openStock(db);
 * const sku = `doc-AnyKysely-${Date.now().toString(36)}`; // fresh on every run
 * await stock.defineWarehouse({ code: 'sh-1' });
 * await stock.defineSku({ sku });
 * await stock.restock({ sku, warehouse: 'sh-1', quantity: 3, receiptNo: `GRN-${sku}` });
 * assert.equal((await stock.query([sku]))[0]?.sellable, 3);
 * await db.destroy();
 * ```
 *
 * @group Schema
 */
// biome-ignore lint/suspicious/noExplicitAny: the application's database type is not ours to know
export type AnyKysely = Kysely<any>;
