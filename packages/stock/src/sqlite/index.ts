/**
 * The embedded database of `@mallkit/stock`: `openSqliteStock()` gives a kysely instance
 * on Node's built-in `node:sqlite`, with no native module to compile; `NodeSqliteDatabase`
 * is the dialect's driver.
 *
 * @module @mallkit/stock/sqlite
 */
export { NodeSqliteDatabase } from './NodeSqliteDatabase.js';
export { type OpenSqliteStockOptions, openSqliteStock } from './openSqliteStock.js';
